import "server-only";
import { maintenanceByMonitor } from "@/lib/maintenance/maintenance";
import { openIncidentMonitorIds, recentIncidents, type IncidentWithMonitor } from "@/lib/uptime/incident-repository";
import { listMonitors, type Monitor } from "@/lib/uptime/monitor-repository";
import { monitorStatus, type MonitorStatus } from "@/lib/uptime/monitor-status";
import {
  countBuckets,
  countWindows,
  lastResults,
  latencyBuckets,
  type StoredResult,
} from "@/lib/uptime/probe-result-repository";
import { heartbeatUrl } from "@/lib/uptime/self-monitor";
import {
  BAR_PLANS,
  barSegments,
  markMaintenance,
  planBar,
  planSteps,
  type BarKey,
  type Segment,
  type Span,
} from "@/lib/uptime/status-bar";
import { formatUptime, UPTIME_WINDOWS, type CheckCounts, type UptimeWindowKey } from "@/lib/uptime/uptime-math";

const HOUR = 3_600_000;
export const LATENCY_STEP_MS = HOUR / 2;
const LATENCY_STEPS = 48;
const INCIDENT_DAYS = 90;

export type IncidentView = {
  id: string;
  monitor: string;
  monitorName: string;
  openedAt: number;
  resolvedAt: number | null;
  durationMs: number;
  failures: number;
  cause: string;
};
export type UptimeFigure = CheckCounts & { key: UptimeWindowKey; label: string; text: string };
export type LatencyPoint = { t: number; p50: number; p95: number; n: number };
export type MonitorReport = {
  id: string;
  slug: string;
  name: string;
  kind: Monitor["kind"];
  builtIn: boolean;
  enabled: boolean;
  target: string;
  intervalSeconds: number;
  status: MonitorStatus;
  last: (Omit<StoredResult, "ts"> & { ts: number }) | null;
  lastPingAt: number | null;
  uptime: UptimeFigure[];
  bars: Record<BarKey, Segment[]>;
  latency: LatencyPoint[];
  /** Its maintenance over the last 90 days (ms): left out of uptime, bars and latency, shaded on the charts. */
  maintenance: Span[];
  openIncident: IncidentView | null;
  /** Only for admins: the token is the heartbeat's credential. */
  heartbeatUrl: string | null;
};
export type UptimeReport = {
  now: number;
  monitors: MonitorReport[];
  incidents: IncidentView[];
  barStepMs: Record<BarKey, number>;
  latencyStepMs: number;
};

const ZERO: CheckCounts = { ok: 0, total: 0 };
const DAYS_90 = 90 * 24 * HOUR;

/** Each monitor's maintenance over the longest window (90 days) up to now. */
const maintenanceOf = (siteId: number, monitors: readonly Monitor[], now: Date) =>
  maintenanceByMonitor(
    siteId,
    { from: new Date(now.getTime() - DAYS_90), to: new Date(now.getTime() + 1) },
    monitors.map((m) => m.id),
  );

export function incidentView(i: IncidentWithMonitor, now: Date): IncidentView {
  const end = i.resolvedAt ?? now;
  return {
    id: String(i.id),
    monitor: i.monitor.slug,
    monitorName: i.monitor.name,
    openedAt: i.openedAt.getTime(),
    resolvedAt: i.resolvedAt?.getTime() ?? null,
    durationMs: end.getTime() - i.openedAt.getTime(),
    failures: i.failures,
    cause: i.cause,
  };
}

const uptimeFigures = (counts: Record<UptimeWindowKey, CheckCounts> | undefined): UptimeFigure[] =>
  UPTIME_WINDOWS.map((w) => {
    const c = counts?.[w.key] ?? ZERO;
    return { key: w.key, label: w.label, ...c, text: formatUptime(c) };
  });

/** Everything /admin/uptime shows: per monitor its status, uptime windows, status bars and latency; recent incidents. */
export async function loadUptimeReport(
  siteId: number,
  {
    now = new Date(),
    admin = false,
  }: {
    now?: Date;
    admin?: boolean;
  } = {},
): Promise<UptimeReport> {
  const hours = planBar("24h", now);
  const days = planBar("90d", now);
  const lat = planSteps(LATENCY_STEP_MS, LATENCY_STEPS, now);
  const monitors = await listMonitors(siteId);
  const mw = await maintenanceOf(siteId, monitors, now);
  const [last, windows, hourCounts, dayCounts, latency, incidents] = await Promise.all([
    lastResults(siteId),
    countWindows(siteId, now, undefined, mw),
    countBuckets(siteId, hours.start, hours.end, hours.stepMs, undefined, mw),
    countBuckets(siteId, days.start, days.end, days.stepMs, undefined, mw),
    latencyBuckets(siteId, lat.start, lat.end, lat.stepMs, undefined, mw),
    recentIncidents(siteId, new Date(now.getTime() - INCIDENT_DAYS * 24 * HOUR), 50),
  ]);
  const lastBy = new Map(last.map((r) => [r.monitorId, r]));
  const views = incidents.map((i) => incidentView(i, now));
  const openBy = new Map(incidents.filter((i) => !i.resolvedAt).map((i) => [i.monitorId, incidentView(i, now)]));
  return {
    now: now.getTime(),
    barStepMs: { "24h": BAR_PLANS["24h"].stepMs, "90d": BAR_PLANS["90d"].stepMs },
    latencyStepMs: LATENCY_STEP_MS,
    incidents: views,
    monitors: monitors.map((m) => {
      const l = lastBy.get(m.id);
      const spans = (mw.get(m.id) ?? []).map((i) => ({ from: i.from.getTime(), to: i.to.getTime() }));
      const openIncident = openBy.get(m.id) ?? null;
      return {
        id: m.id,
        slug: m.slug,
        name: m.name,
        kind: m.kind,
        builtIn: m.builtIn,
        enabled: m.enabled,
        target:
          m.kind === "http"
            ? `${m.method} ${m.url ?? ""}`
            : `heartbeat every ${m.intervalSeconds} s + ${m.graceSeconds} s grace`,
        intervalSeconds: m.intervalSeconds,
        status: monitorStatus({ enabled: m.enabled, openIncident: openIncident !== null, last: l ?? null }),
        last: l
          ? { ok: l.ok, statusCode: l.statusCode, latencyMs: l.latencyMs, error: l.error, ts: l.ts.getTime() }
          : null,
        lastPingAt: m.lastPingAt?.getTime() ?? null,
        uptime: uptimeFigures(windows.get(m.id)),
        bars: {
          "24h": markMaintenance(barSegments(hours, hourCounts.get(m.id) ?? []), spans),
          "90d": markMaintenance(barSegments(days, dayCounts.get(m.id) ?? []), spans),
        },
        maintenance: spans,
        latency: (latency.get(m.id) ?? []).map((p) => ({ t: p.t.getTime(), p50: p.p50, p95: p.p95, n: p.n })),
        openIncident,
        heartbeatUrl: admin && m.heartbeatToken ? heartbeatUrl(m.heartbeatToken) : null,
      };
    }),
  };
}

export type UptimeSummary = {
  monitors: number;
  down: number;
  worst: ({ name: string; slug: string; text: string } & CheckCounts) | null;
} | null;

/** The overview card: the monitor with the lowest 30-day uptime (the built-in one when all are equal), and how many are down. */
export async function loadUptimeSummary(siteId: number, now = new Date()): Promise<UptimeSummary> {
  const monitors = await listMonitors(siteId);
  const windows = await countWindows(siteId, now, undefined, await maintenanceOf(siteId, monitors, now));
  const enabled = monitors.filter((m) => m.enabled);
  if (enabled.length === 0) return null;
  const withData = enabled.map((m) => ({ m, c: windows.get(m.id)?.["30d"] ?? ZERO })).filter((x) => x.c.total > 0);
  // Exact comparison of ok/total without floating error: a.ok·b.total vs b.ok·a.total.
  withData.sort((a, b) => a.c.ok * b.c.total - b.c.ok * a.c.total || Number(b.m.builtIn) - Number(a.m.builtIn));
  const open = new Set(await openIncidentMonitorIds(siteId));
  const worst = withData[0];
  return {
    monitors: enabled.length,
    down: enabled.filter((m) => open.has(m.id)).length,
    worst: worst ? { name: worst.m.name, slug: worst.m.slug, ...worst.c, text: formatUptime(worst.c) } : null,
  };
}

/** Open incidents and those of the last `days` (the Alerts page's uptime section), open ones first. */
export async function loadRecentIncidents(siteId: number, days = 7, now = new Date()): Promise<IncidentView[]> {
  const rows = await recentIncidents(siteId, new Date(now.getTime() - days * 24 * HOUR), 50);
  return rows
    .map((i) => incidentView(i, now))
    .sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.openedAt - a.openedAt);
}
