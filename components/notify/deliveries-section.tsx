import { RetryButton, type RetryAction } from "@/components/notify/retry-button";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { Table, Td } from "@/components/ui/table";
import { RECENT_DELIVERIES, type DeliveriesReport } from "@/lib/notify/deliveries-report";
import type { DeliveryView } from "@/lib/notify/delivery-view";

const TONE: Record<DeliveryView["status"], Tone> = { pending: "warn", delivered: "good", dead: "poor" };

function StatusBadge({ row }: { row: DeliveryView }) {
  return <Badge tone={TONE[row.status]}>{row.sending ? "sending" : row.status}</Badge>;
}

/** Alerts → Notification deliveries: what the outbox sent, is retrying, or gave up on. `retry` only for admins. */
export function DeliveriesSection({ report, retry }: { report: DeliveriesReport; retry?: RetryAction }) {
  return (
    <Card className="mt-6" data-testid="deliveries-card">
      <CardHeader
        title="Notification deliveries"
        description={`Each event once per channel, retried with backoff (30 s doubling to 1 h, 10 tries) until delivered or dead. Newest ${RECENT_DELIVERIES} shown.`}
      />
      {report.total === 0 ? (
        <p className="text-sm text-muted" data-testid="deliveries-empty">
          No notifications yet. Add a channel in Settings and press “Send test” to see a delivery here.
        </p>
      ) : (
        <>
          <dl className="mb-4 grid grid-cols-3 gap-4 sm:max-w-md">
            <Stat label="Delivered" value={report.counts.delivered.toLocaleString("en-US")} />
            <Stat label="Pending" value={report.counts.pending.toLocaleString("en-US")} />
            <Stat label="Dead" value={report.counts.dead.toLocaleString("en-US")} />
          </dl>
          <Table
            caption="Notification deliveries"
            head={["Event", "Channel", "Status", "Tries", "Last result", "When (UTC)", ...(retry ? [""] : [])]}
          >
            {report.rows.map((d) => (
              <tr key={d.id} data-testid="delivery-row" data-status={d.status}>
                <Td>
                  <span className="block max-w-56 truncate font-medium" title={d.title}>
                    {d.title}
                  </span>
                  <span className="text-xs text-muted">{d.eventType}</span>
                </Td>
                <Td>
                  <span className="block max-w-40 truncate" title={d.channelName}>
                    {d.channelName}
                  </span>
                  <span className="text-xs text-muted">{d.channelKind === "slack" ? "Slack" : d.channelKind}</span>
                </Td>
                <Td>
                  <StatusBadge row={d} />
                </Td>
                <Td>{d.attempts}</Td>
                <Td>
                  <span className="block max-w-56 truncate text-xs" title={d.last}>
                    {d.last}
                  </span>
                </Td>
                <Td>
                  <span className="block whitespace-nowrap text-xs">created {d.created}</span>
                  {d.delivered ? (
                    <span className="block whitespace-nowrap text-xs text-emerald-700 dark:text-emerald-400">
                      delivered {d.delivered}
                    </span>
                  ) : null}
                  {d.nextAttempt ? (
                    <span className="block whitespace-nowrap text-xs text-amber-700 dark:text-amber-400">
                      next try {d.nextAttempt.at} ({d.nextAttempt.until})
                    </span>
                  ) : null}
                </Td>
                {retry ? <Td>{d.status === "dead" ? <RetryButton id={d.id} retry={retry} /> : null}</Td> : null}
              </tr>
            ))}
          </Table>
        </>
      )}
    </Card>
  );
}
