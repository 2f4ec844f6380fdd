import { ChannelActions, type ChannelOpAction } from "@/components/notify/channel-actions";
import { ChannelForm, type AddChannelAction } from "@/components/notify/channel-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { ChannelView } from "@/lib/notify/channels";

/** Settings → Notification channels (the page is admin-only). URLs are masked; secrets never leave the server. */
export function ChannelsSection({
  channels,
  addChannel,
  channelOp,
}: {
  channels: ChannelView[];
  addChannel: AddChannelAction;
  channelOp: ChannelOpAction;
}) {
  return (
    <Card className="lg:col-span-2" data-testid="channels-card">
      <CardHeader
        title="Notification channels"
        description="Alerts, incidents and tests go to the enabled channels (all of them, or the routes below) through the outbox: retried with backoff, each delivery listed on the Alerts page. Webhooks are signed (X-Vigil-Signature); see docs/NOTIFICATIONS.md."
      />
      {channels.length === 0 ? (
        <p className="mb-4 text-sm text-muted" data-testid="channels-empty">
          No channels yet: nothing is sent. Add a Slack incoming webhook, a JSON webhook or an email address below.
        </p>
      ) : (
        <Table caption="Notification channels" head={["Name", "Kind", "URL", "Status", "Actions"]}>
          {channels.map((c) => (
            <tr key={c.id} data-testid="channel-row">
              <Td>{c.name}</Td>
              <Td>
                {c.kind === "slack" ? "Slack" : c.kind === "email" ? "Email" : "Webhook"}
                {c.signed ? <span className="ml-1 text-xs text-muted">· signed</span> : null}
                {c.kind === "email" ? (
                  <span className="block text-xs text-muted">
                    {c.emailFrom} → {c.emailTo.join(", ")}
                    {c.hasPassword ? " · password set" : ""}
                  </span>
                ) : null}
              </Td>
              <Td mono>
                {c.maskedUrl}
                {c.allowPrivate ? (
                  <span className="ml-1">
                    <Badge tone="warn">private allowed</Badge>
                  </span>
                ) : null}
              </Td>
              <Td>
                <Badge tone={c.enabled ? "good" : "neutral"}>{c.enabled ? "enabled" : "disabled"}</Badge>
              </Td>
              <Td>
                <ChannelActions id={c.id} name={c.name} enabled={c.enabled} channelOp={channelOp} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <div className="mt-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <ChannelForm addChannel={addChannel} />
      </div>
    </Card>
  );
}
