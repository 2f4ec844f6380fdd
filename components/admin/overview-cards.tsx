import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import type { Overview } from "@/lib/overview/overview";
import { formatCount, formatMs, formatRate } from "@/lib/requests/format";
import { siteHref } from "@/lib/sites/site-href";
import { formatBudget } from "@/lib/slo/format";
import { METRICS } from "@/lib/vitals/metrics";

const duration = (s: number) =>
  s < 60
    ? `${s} s`
    : s < 3600
      ? `${Math.floor(s / 60)} min`
      : s < 86_400
        ? `${(s / 3600).toFixed(1)} h`
        : `${(s / 86_400).toFixed(1)} d`;

export function AppHealthCard({ app }: { app: Overview["app"] }) {
  return (
    <Card data-testid="card-app">
      <CardHeader
        title="Application"
        description={`Vigil ${app.version} · ${app.environment}`}
        action={<Badge tone="good">up</Badge>}
      />
      <dl className="grid grid-cols-3 gap-4">
        <Stat label="Uptime" value={duration(app.uptimeSeconds)} />
        <Stat label="Memory" value={`${app.rssMb} MB`} hint="resident set" />
        <Stat label="Node.js" value={<span className="text-base">{app.nodeVersion}</span>} />
      </dl>
    </Card>
  );
}

export function DatabaseCard({
  database,
  facts,
}: {
  database: Overview["database"];
  facts: Overview["databaseFacts"];
}) {
  const kind = database.kind === "embedded" ? "Embedded PGlite" : "PostgreSQL";
  return (
    <Card data-testid="card-database">
      <CardHeader
        title="Database"
        description={facts ? `${kind} ${facts.serverVersion}` : kind}
        action={<Badge tone={database.ok ? "good" : "poor"}>{database.ok ? "reachable" : "unreachable"}</Badge>}
      />
      {database.ok ? (
        <dl className="grid grid-cols-3 gap-4">
          <Stat label="Ping" value={`${database.latencyMs} ms`} hint="SELECT 1" />
          <Stat label="Migrations" value={facts?.migrationsApplied ?? "—"} hint={facts?.lastMigration ?? undefined} />
          <Stat label="Mode" value={<span className="text-base">{database.kind}</span>} />
        </dl>
      ) : (
        <p className="text-sm text-red-700 dark:text-red-400">
          The database did not answer: {database.error}. Readiness (/api/health/ready) reports 503 until it does.
        </p>
      )}
    </Card>
  );
}

export function PendingCard({ title, metric, how }: { title: string; metric: string; how: string }) {
  return (
    <Card className="border-dashed" data-testid="card-pending">
      <CardHeader title={title} />
      <p className="text-2xl font-semibold text-muted">{metric}</p>
      <p className="mt-2 text-xs text-muted">{how}</p>
    </Card>
  );
}

export function VitalsCard({ vitals }: { vitals: Overview["vitals24h"] }) {
  const lcp = vitals?.LCP;
  const inp = vitals?.INP;
  const cls = vitals?.CLS;
  if (!lcp?.count && !inp?.count && !cls?.count) {
    return (
      <PendingCard
        title="Web vitals p75 (24 h)"
        metric="No data yet"
        how="Appears once pages send web-vitals beacons (Web Vitals)."
      />
    );
  }
  const fmt = (name: "LCP" | "INP" | "CLS") => {
    const s = vitals?.[name];
    return s && s.value !== null ? METRICS[name].format(s.value) : "—";
  };
  return (
    <Card data-testid="card-vitals">
      <CardHeader title="Web vitals p75 (24 h)" description={`${lcp?.count ?? 0} LCP samples`} />
      <dl className="grid grid-cols-3 gap-4">
        <Stat label="LCP" value={fmt("LCP")} />
        <Stat label="INP" value={fmt("INP")} />
        <Stat label="CLS" value={fmt("CLS")} />
      </dl>
    </Card>
  );
}

/** A card's link to the section behind its figure, for the same site. */
function SectionLink({ href, site, label }: { href: string; site: string; label: string }) {
  return (
    <Link
      href={siteHref(href, site)}
      className="whitespace-nowrap text-xs text-muted underline-offset-2 hover:underline"
    >
      {label} →
    </Link>
  );
}

const requestsLink = (site: string) => <SectionLink href="/admin/requests" site={site} label="Requests" />;

function NoTraffic({
  title,
  testId,
  requests,
  site,
}: {
  title: string;
  testId: string;
  requests: Overview["requests24h"];
  site: string;
}) {
  return (
    <Card className="border-dashed" data-testid={testId}>
      <CardHeader title={title} action={requestsLink(site)} />
      <p className="text-2xl font-semibold text-muted" data-testid={`${testId}-value`}>
        {requests ? "No traffic" : "Unavailable"}
      </p>
      <p className="mt-2 text-xs text-muted">
        {requests
          ? "No requests recorded in the last 24 h. Every request the server handles is counted."
          : "Request metrics could not be read."}
      </p>
    </Card>
  );
}

function BrowserErrors({ totals }: { totals: Overview["browserErrors24h"] }) {
  if (!totals) return null;
  const rate = totals.pageViews ? (totals.errors / totals.pageViews) * 100 : null;
  const per100 = rate === null ? "" : ` · ${rate.toFixed(rate < 1 ? 2 : 1)} per 100 page views`;
  return (
    <p className="mt-1 text-xs tabular-nums text-muted" data-testid="card-browser-errors">
      Browser: {formatCount(totals.errors)} uncaught {totals.errors === 1 ? "error" : "errors"}
      {per100}
    </p>
  );
}

export function ErrorRateCard({
  requests,
  browserErrors,
  site,
}: {
  requests: Overview["requests24h"];
  browserErrors: Overview["browserErrors24h"];
  site: string;
}) {
  if (!requests?.requests)
    return <NoTraffic title="Error rate (24 h)" testId="card-error-rate" requests={requests} site={site} />;
  return (
    <Card data-testid="card-error-rate">
      <CardHeader title="Error rate (24 h)" description="5xx share of responses" action={requestsLink(site)} />
      <p className="text-2xl font-semibold tabular-nums" data-testid="card-error-rate-value">
        {formatRate(requests.errorRate)}
      </p>
      <p className="mt-1 text-xs tabular-nums text-muted">
        {formatCount(requests.errors)} of {formatCount(requests.requests)} requests
      </p>
      <BrowserErrors totals={browserErrors} />
    </Card>
  );
}

export function LatencyCard({ requests, site }: { requests: Overview["requests24h"]; site: string }) {
  if (!requests?.requests)
    return <NoTraffic title="Latency p95 (24 h)" testId="card-latency" requests={requests} site={site} />;
  return (
    <Card data-testid="card-latency">
      <CardHeader title="Latency p95 (24 h)" description="Server time, all routes" action={requestsLink(site)} />
      <p className="text-2xl font-semibold tabular-nums" data-testid="card-latency-value">
        {formatMs(requests.p95)}
      </p>
      <p className="mt-1 text-xs tabular-nums text-muted">
        p50 {formatMs(requests.p50)} · p99 {formatMs(requests.p99)}
      </p>
    </Card>
  );
}

/** The SLO with the least error budget left over its window. */
export function ErrorBudgetCard({ budget, site }: { budget: Overview["errorBudget"]; site: string }) {
  const link = <SectionLink href="/admin/slos" site={site} label="SLOs" />;
  if (!budget?.worst) {
    return (
      <Card className="border-dashed" data-testid="card-error-budget">
        <CardHeader title="Error budget left" action={link} />
        <p className="text-2xl font-semibold text-muted" data-testid="card-error-budget-value">
          {budget ? "No data yet" : "Unavailable"}
        </p>
        <p className="mt-2 text-xs text-muted">
          {budget ? "Appears once an SLO has data for its window." : "SLO data could not be read."}
        </p>
      </Card>
    );
  }
  const { worst } = budget;
  return (
    <Card data-testid="card-error-budget">
      <CardHeader
        title="Error budget left"
        description={`Lowest of ${budget.withData} SLO${budget.withData === 1 ? "" : "s"} with data`}
        action={link}
      />
      <p
        className={`text-2xl font-semibold tabular-nums ${worst.remaining < 0 ? "text-red-700 dark:text-red-400" : ""}`}
        data-testid="card-error-budget-value"
      >
        {formatBudget(worst.remaining)}
      </p>
      <p className="mt-1 text-xs text-muted" data-testid="card-error-budget-slo">
        {worst.name} · {worst.window} window
      </p>
    </Card>
  );
}

export function UptimeCard({ uptime, error, site }: { uptime: Overview["uptime30d"]; error?: boolean; site: string }) {
  if (!uptime?.worst) {
    const how = error
      ? "Uptime data could not be read."
      : uptime
        ? "Appears after the first checks of the enabled monitors (Uptime)."
        : "Appears once an uptime probe has run (Uptime).";
    return <PendingCard title="Uptime (30 d)" metric={error ? "Unavailable" : "No data yet"} how={how} />;
  }
  const { worst } = uptime;
  const scope = uptime.monitors === 1 ? worst.name : `${worst.name}, lowest of ${uptime.monitors} monitors`;
  return (
    <Card data-testid="card-uptime">
      <CardHeader
        title="Uptime (30 d)"
        description={scope}
        action={<SectionLink href="/admin/uptime" site={site} label="Uptime" />}
      />
      <p className="text-2xl font-semibold tabular-nums" data-testid="card-uptime-value">
        {worst.text}
      </p>
      <p className="mt-1 text-xs tabular-nums text-muted">
        {formatCount(worst.ok)} of {formatCount(worst.total)} {worst.total === 1 ? "check" : "checks"} ok
        {uptime.down ? (
          <>
            {" "}
            ·{" "}
            <span className="text-red-700 dark:text-red-400" data-testid="card-uptime-down">
              {uptime.down} down now
            </span>
          </>
        ) : null}
      </p>
    </Card>
  );
}
