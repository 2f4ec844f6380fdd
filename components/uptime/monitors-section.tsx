import { EMPTY_MONITOR, MonitorForm, type SaveMonitorAction } from "@/components/uptime/monitor-form";
import { MonitorRowActions, type MonitorRowActionSet } from "@/components/uptime/monitor-row-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { SiteOption } from "@/lib/sites/site-views";
import { VIGIL_SITE_SLUG } from "@/lib/sites/vigil-site";
import type { MonitorSetting } from "@/lib/uptime/monitor-settings";

export type MonitorActionSet = MonitorRowActionSet & { save: SaveMonitorAction };

function Target({ m }: { m: MonitorSetting }) {
  if (m.kind === "http") {
    return (
      <span className="break-all font-mono text-xs">
        {m.method} {m.url}
        {m.bodyContains ? <span className="text-muted"> · body contains “{m.bodyContains}”</span> : null}
        {m.allowPrivate ? (
          <>
            {" "}
            <Badge tone="warn">private allowed</Badge>
          </>
        ) : null}
      </span>
    );
  }
  return (
    <span className="text-xs">
      Ping{" "}
      <code className="break-all rounded bg-zinc-100 px-1 dark:bg-zinc-800" data-testid="settings-heartbeat-url">
        {m.heartbeatUrl ?? "—"}
      </code>
      <span className="block text-muted">
        expected every {m.intervalSeconds} s + {m.graceSeconds} s grace · keep the URL secret: it is the only credential
      </span>
    </span>
  );
}

/**
 * Settings → Monitors (admins only, like the whole Settings page) of one site, the one the page shows: the list with
 * actions, and the add form (new monitors join that site).
 */
export function MonitorsSection({
  monitors,
  site,
  actions,
}: {
  monitors: MonitorSetting[];
  site: SiteOption;
  actions: MonitorActionSet;
}) {
  const { save, ...rowActions } = actions;
  return (
    <Card id="monitors" data-testid="monitors-card" data-site={site.slug} className="scroll-mt-6 lg:col-span-2">
      <CardHeader
        title={`Monitors · ${site.name}`}
        description={
          <>
            The monitors of <strong className="font-medium">{site.name}</strong> (
            <span className="font-mono">{site.slug}</span>); pick another site in the switcher to see or add its own.
            HTTP probes run from this instance through the SSRF-guarded client; heartbeats expect a ping from your jobs.
            Results and incidents are on the Uptime page.
          </>
        }
      />
      {monitors.length ? (
        <ul
          className="divide-y divide-zinc-100 border-y border-zinc-100 dark:divide-zinc-800 dark:border-zinc-800"
          aria-label="Monitors"
        >
          {monitors.map((m) => (
            <li key={m.id} data-testid="monitor-row" data-monitor={m.slug} className="py-3">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 flex-1 basis-80">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{m.name}</span>
                    <span className="font-mono text-xs text-muted">
                      {m.slug}
                      {m.builtIn ? " · built-in" : ""}
                    </span>
                    <Badge tone={m.enabled ? "good" : "neutral"}>{m.enabled ? "active" : "paused"}</Badge>
                  </p>
                  <div className="mt-1">
                    <Target m={m} />
                  </div>
                  <p className="mt-1 text-xs text-muted">
                    {m.kind === "http" ? `Every ${m.intervalSeconds} s · timeout ${m.timeoutSeconds} s · ` : ""}
                    incident after {m.failureThreshold} {m.kind === "http" ? "failed" : "missed"}{" "}
                    {m.kind === "http" ? "check" : "ping"}
                    {m.failureThreshold === 1 ? "" : "s"} in a row
                  </p>
                </div>
                <MonitorRowActions
                  id={m.id}
                  name={m.name}
                  enabled={m.enabled}
                  http={m.kind === "http"}
                  deletable={!m.builtIn}
                  actions={rowActions}
                />
              </div>
              {!m.builtIn ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-xs text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-300">
                    Edit
                  </summary>
                  <div className="mt-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
                    <MonitorForm id={m.id} initial={m.form} submitLabel="Save changes" save={save} />
                  </div>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">
          No monitors of {site.name} yet.
          {site.slug === VIGIL_SITE_SLUG
            ? " The built-in self-check appears with the first run of the uptime-probe job."
            : ""}
        </p>
      )}
      <h3 className="mb-3 mt-6 text-sm font-semibold">Add a monitor</h3>
      <MonitorForm site={site.slug} initial={EMPTY_MONITOR} submitLabel={`Add monitor to ${site.name}`} save={save} />
    </Card>
  );
}
