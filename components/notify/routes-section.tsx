import { RouteActions, type RouteOpAction } from "@/components/notify/route-actions";
import { RouteForm, type AddRouteAction } from "@/components/notify/route-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { ChannelView } from "@/lib/notify/channels";
import type { RouteView } from "@/lib/notify/routes";
import type { SiteOption } from "@/lib/sites/site-views";

/** Settings → Notification routes of one site: admins add, remove and test them; viewers read. */
export function RoutesSection({
  site,
  routes,
  channels,
  admin,
  addRoute,
  routeOp,
}: {
  site: SiteOption;
  routes: RouteView[];
  channels: Pick<ChannelView, "id" | "name">[];
  admin: boolean;
  addRoute: AddRouteAction;
  routeOp: RouteOpAction;
}) {
  return (
    <Card className="lg:col-span-2" data-testid="routes-card">
      <CardHeader
        title={`Notification routes: ${site.name}`}
        description="Which channels get this site's events, by severity. Without any route, every enabled channel gets every event of the site; with routes, only the routed channels do, and a severity with no route is not sent."
      />
      {routes.length === 0 ? (
        <p className="mb-4 text-sm text-muted" data-testid="routes-empty">
          No routes for {site.name}: its events go to every enabled channel.
        </p>
      ) : (
        <Table
          caption={`Notification routes of ${site.name}`}
          head={admin ? ["Severity", "Channel", "Status", "Actions"] : ["Severity", "Channel", "Status"]}
        >
          {routes.map((r) => (
            <tr key={`${r.severity}:${r.channelId}`} data-testid="route-row">
              <Td>{r.severity}</Td>
              <Td>
                {r.channelName} <span className="text-xs text-muted">· {r.channelKind}</span>
              </Td>
              <Td>
                <Badge tone={r.channelEnabled ? "good" : "neutral"}>
                  {r.channelEnabled ? "enabled" : "channel disabled"}
                </Badge>
              </Td>
              {admin ? (
                <Td>
                  <RouteActions
                    site={site.slug}
                    severity={r.severity}
                    channelId={r.channelId}
                    label={`${r.severity} to ${r.channelName}`}
                    enabled={r.channelEnabled}
                    routeOp={routeOp}
                  />
                </Td>
              ) : null}
            </tr>
          ))}
        </Table>
      )}
      {admin ? (
        <div className="mt-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
          {channels.length === 0 ? (
            <p className="text-sm text-muted">Add a channel first, then route this site's events to it.</p>
          ) : (
            <RouteForm site={site.slug} channels={channels} addRoute={addRoute} />
          )}
        </div>
      ) : null}
    </Card>
  );
}
