import type { ReactNode } from "react";
import { IncidentTimeline, utcMinute } from "@/components/status/incident-timeline";
import { Badge, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { StatusBar, StatusLegend } from "@/components/uptime/status-bar";
import { STATE_HEADLINE, STATE_LABEL, type PublicState } from "@/lib/status/overall-state";
import { STATUS_INCIDENT_DAYS, type StatusPageView } from "@/lib/status/status-page-view";

const TONE: Record<PublicState, Tone> = { operational: "good", degraded: "warn", outage: "poor", unknown: "neutral" };
const BANNER: Record<PublicState, string> = {
  operational: "border-emerald-600/30 bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  degraded: "border-amber-600/30 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  outage: "border-red-600/30 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100",
  unknown: "border-zinc-400/30 bg-zinc-100 text-zinc-800 dark:bg-zinc-900 dark:text-zinc-200",
};

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section aria-labelledby={`${testId}-title`} className="mt-10" data-testid={testId}>
      <h2 id={`${testId}-title`} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Monitors({ view }: { view: StatusPageView }) {
  if (view.monitors.length === 0) return <p className="text-sm text-muted">No monitors are published yet.</p>;
  return (
    <>
      <ul className="space-y-6">
        {view.monitors.map((m) => (
          <li key={m.key} data-testid="status-monitor" data-state={m.state}>
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-medium">{m.name}</h3>
              <span className="flex items-center gap-3 text-sm">
                {m.uptime === "no data" ? null : <span className="text-muted">{m.uptime} uptime</span>}
                <Badge tone={TONE[m.state]}>{STATE_LABEL[m.state]}</Badge>
              </span>
            </div>
            <StatusBar segments={m.bars} stepMs={view.barStepMs} label="Last 90 days" from="90 days ago" to="today" />
          </li>
        ))}
      </ul>
      <div className="mt-4">
        <StatusLegend />
      </div>
    </>
  );
}

function Maintenance({ view }: { view: StatusPageView }) {
  return (
    <ul className="space-y-3">
      {view.maintenance.map((w) => (
        <li
          key={w.key}
          className="rounded-xl border border-sky-600/30 bg-sky-50 p-4 text-sky-950 dark:bg-sky-950 dark:text-sky-50"
          data-testid="status-maintenance"
          data-state={w.active ? "active" : "upcoming"}
        >
          <h3 className="flex flex-wrap items-center gap-2 font-medium">
            {w.title}
            <Badge tone="neutral">{w.active ? "in progress" : "scheduled"}</Badge>
          </h3>
          <p className="mt-1 text-sm">
            {w.active ? `Until ${utcMinute(w.to)}` : `From ${utcMinute(w.from)} to ${utcMinute(w.to)}`}
            {w.schedule ? ` · ${w.schedule}` : ""} · {w.scope}
          </p>
        </li>
      ))}
    </ul>
  );
}

function Incidents({ view }: { view: StatusPageView }) {
  if (view.incidents.length === 0)
    return (
      <p className="text-sm text-muted" data-testid="no-incidents">
        No incidents in the last {STATUS_INCIDENT_DAYS} days.
      </p>
    );
  return (
    <ul className="space-y-6">
      {view.incidents.map((i) => (
        <li
          key={i.id}
          className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
          data-testid="status-incident"
          data-state={i.open ? "open" : "resolved"}
        >
          <h3 className="mb-3 flex flex-wrap items-center gap-2 font-medium">
            {i.monitorName}
            <Badge tone={i.open ? "poor" : "good"}>{i.open ? "ongoing" : "resolved"}</Badge>
          </h3>
          <IncidentTimeline
            entries={i.entries}
            audience="public"
            openedLabel={`${i.monitorName} stopped answering as expected.`}
          />
        </li>
      ))}
    </ul>
  );
}

/**
 * The public status page of one site: the headline state, each monitor's state and 90 days of daily bars, then
 * active and upcoming maintenance, then open and recent incidents with their public updates. Renders the view only.
 */
export function PublicStatusPage({ view }: { view: StatusPageView }) {
  return (
    <main className="mx-auto max-w-3xl px-6 py-12" data-testid="status-page">
      <header>
        <p className="text-sm font-semibold uppercase tracking-widest text-muted">Status</p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{view.title}</h1>
        {view.description ? <p className="mt-2 text-zinc-700 dark:text-zinc-300">{view.description}</p> : null}
      </header>
      <p
        className={cn("mt-8 rounded-xl border px-5 py-4 text-lg font-medium", BANNER[view.state])}
        data-testid="status-overall"
        data-state={view.state}
      >
        {STATE_HEADLINE[view.state]}
      </p>
      <Section title="Services" testId="status-monitors">
        <Monitors view={view} />
      </Section>
      {view.maintenance.length > 0 ? (
        <Section title="Scheduled maintenance" testId="status-maintenance-list">
          <Maintenance view={view} />
        </Section>
      ) : null}
      <Section title={`Incidents, ongoing and of the last ${STATUS_INCIDENT_DAYS} days`} testId="status-incidents">
        <Incidents view={view} />
      </Section>
      <footer className="mt-12 border-t border-zinc-200 pt-4 text-xs text-muted dark:border-zinc-800">
        Updated {utcMinute(view.generatedAt)}. Uptime counts successful checks; days without checks are grey.
      </footer>
    </main>
  );
}
