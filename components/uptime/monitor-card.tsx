import { utc } from "@/components/uptime/incidents-table";
import { LatencyChart } from "@/components/uptime/latency-chart";
import { StatusBadge } from "@/components/uptime/status-badge";
import { StatusBar } from "@/components/uptime/status-bar";
import { Card } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { formatMs } from "@/lib/requests/format";
import type { MonitorReport, UptimeReport } from "@/lib/uptime/uptime-report";

function LastCheck({ m }: { m: MonitorReport }) {
  if (!m.last) return <span>{m.kind === "heartbeat" ? "Waiting for the first ping." : "Not checked yet."}</span>;
  const what =
    m.kind === "heartbeat"
      ? m.last.ok
        ? "ping received"
        : "ping missed"
      : m.last.ok
        ? `HTTP ${m.last.statusCode} in ${formatMs(m.last.latencyMs)}`
        : m.last.error;
  return (
    <span data-testid="last-check">
      Last {m.kind === "heartbeat" ? "event" : "check"} {utc(m.last.ts)}: {what}
    </span>
  );
}

export function MonitorCard({ m, report }: { m: MonitorReport; report: UptimeReport }) {
  const hours = m.bars["24h"];
  const days = m.bars["90d"];
  return (
    <Card data-testid="monitor-card" data-monitor={m.slug}>
      <header className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="flex items-center gap-2 text-base font-semibold">
            {m.name}
            {m.builtIn ? <span className="text-xs font-normal text-muted">built-in self-check</span> : null}
          </h2>
          <p className="mt-0.5 break-all font-mono text-xs text-muted">{m.target}</p>
        </div>
        <StatusBadge status={m.status} />
      </header>
      {m.openIncident ? (
        <p
          role="alert"
          data-testid="open-incident"
          className="mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950 dark:text-red-200"
        >
          Incident open since {utc(m.openIncident.openedAt)} · {m.openIncident.failures} failed checks ·{" "}
          {m.openIncident.cause}
        </p>
      ) : null}
      <dl className="mb-4 grid grid-cols-2 gap-4 sm:grid-cols-4">
        {m.uptime.map((u) => (
          <Stat
            key={u.key}
            label={`Uptime ${u.label}`}
            value={
              <span data-testid={`uptime-${u.key}`} className={u.total === 0 ? "text-muted" : undefined}>
                {u.text}
              </span>
            }
            hint={u.total ? `${u.ok} of ${u.total} ${u.total === 1 ? "check" : "checks"} ok` : "no checks"}
          />
        ))}
      </dl>
      <div className="space-y-3">
        <StatusBar
          segments={hours}
          stepMs={report.barStepMs["24h"]}
          label="Last 24 hours, hourly"
          from="24 h ago"
          to="now"
        />
        <StatusBar
          segments={days}
          stepMs={report.barStepMs["90d"]}
          label="Last 90 days, daily (UTC)"
          from={new Date(days[0]!.start).toISOString().slice(0, 10)}
          to="today"
        />
        {m.kind === "http" ? (
          <LatencyChart
            points={m.latency}
            start={hours[0]!.start}
            end={report.now}
            name={m.name}
            maintenance={m.maintenance}
          />
        ) : null}
      </div>
      <p className="mt-3 text-xs text-muted">
        <LastCheck m={m} />
      </p>
      {m.heartbeatUrl ? (
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-300">
          Ping URL (admins only; treat as a secret):{" "}
          <code className="break-all rounded bg-zinc-100 px-1 py-0.5 dark:bg-zinc-800" data-testid="heartbeat-url">
            {m.heartbeatUrl}
          </code>
        </p>
      ) : null}
    </Card>
  );
}
