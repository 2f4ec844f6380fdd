import "server-only";
import { db, Prisma, type DbClient } from "@/lib/db";
import type { Interval } from "@/lib/maintenance/expand";
import type { ProbeOutcome } from "@/lib/uptime/outcome";
import type { BucketRow } from "@/lib/uptime/status-bar";
import { UPTIME_WINDOWS, type CheckCounts, type UptimeWindowKey } from "@/lib/uptime/uptime-math";

export type StoredResult = ProbeOutcome & { ts: Date };
/** Per monitor id, its maintenance: results inside it are left out of uptime, bars and latency. */
export type MaintenanceByMonitor = ReadonlyMap<string, readonly Interval[]>;

// The intervals travel as one JSON parameter (bounded: 90 days of a daily window is 90 rows per monitor).
function outsideMaintenance(maintenance: MaintenanceByMonitor | undefined) {
  const rows = [...(maintenance ?? [])].flatMap(([m, list]) =>
    list.map((i) => ({ m, f: i.from.toISOString(), t: i.to.toISOString() })),
  );
  if (rows.length === 0) return Prisma.empty;
  return Prisma.sql`AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS w(m text, f timestamptz, t timestamptz)
    WHERE w.m = probe_results.monitor_id AND probe_results.ts >= w.f AND probe_results.ts < w.t)`;
}
export type LatencyPoint = { t: Date; p50: number; p95: number; n: number };

export async function insertProbeResult(
  monitor: { siteId: number; id: string },
  result: StoredResult,
  client: DbClient = db,
): Promise<void> {
  await client.probeResult.create({
    data: {
      siteId: monitor.siteId,
      monitorId: monitor.id,
      ts: result.ts,
      ok: result.ok,
      statusCode: result.statusCode,
      latencyMs: result.latencyMs,
      error: result.error,
    },
  });
}

/** The ok flags of the monitor's latest results, newest first (what the incident rule reads). */
export async function latestOutcomes(monitorId: string, limit: number, client: DbClient = db): Promise<boolean[]> {
  const rows = await client.probeResult.findMany({
    where: { monitorId },
    orderBy: [{ ts: "desc" }, { id: "desc" }],
    take: limit,
    select: { ok: true },
  });
  return rows.map((r) => r.ok);
}

/** The latest result of each monitor of a site (one index probe per monitor, not a scan of every result). */
export function lastResults(
  siteId: number,
  client: DbClient = db,
): Promise<Array<StoredResult & { monitorId: string }>> {
  return client.$queryRaw`
    SELECT m.id AS "monitorId", r.ts, r.ok, r.status_code::int AS "statusCode", r.latency_ms AS "latencyMs", r.error
    FROM monitors m CROSS JOIN LATERAL (
      SELECT ts, ok, status_code, latency_ms, error FROM probe_results
      WHERE site_id = m.site_id AND monitor_id = m.id ORDER BY ts DESC, id DESC LIMIT 1) r
    WHERE m.site_id = ${siteId}`;
}

export function lastResultOf(monitorId: string, client: DbClient = db): Promise<StoredResult | null> {
  return client.probeResult.findFirst({
    where: { monitorId },
    orderBy: [{ ts: "desc" }, { id: "desc" }],
    select: { ts: true, ok: true, statusCode: true, latencyMs: true, error: true },
  });
}

/** Checks and successful checks per monitor over each rolling window ending at `now`. */
export async function countWindows(
  siteId: number,
  now: Date,
  client: DbClient = db,
  maintenance?: MaintenanceByMonitor,
): Promise<Map<string, Record<UptimeWindowKey, CheckCounts>>> {
  const since = (ms: number) => new Date(now.getTime() - ms);
  const [d1, d7, d30, d90] = UPTIME_WINDOWS.map((w) => since(w.ms));
  const rows = await client.$queryRaw<
    Array<{ monitorId: string } & Record<`${"ok" | "total"}_${UptimeWindowKey}`, number>>
  >`
    SELECT monitor_id AS "monitorId",
      count(*) FILTER (WHERE ts > ${d1})::int AS "total_24h", count(*) FILTER (WHERE ts > ${d1} AND ok)::int AS "ok_24h",
      count(*) FILTER (WHERE ts > ${d7})::int AS "total_7d", count(*) FILTER (WHERE ts > ${d7} AND ok)::int AS "ok_7d",
      count(*) FILTER (WHERE ts > ${d30})::int AS "total_30d", count(*) FILTER (WHERE ts > ${d30} AND ok)::int AS "ok_30d",
      count(*)::int AS "total_90d", count(*) FILTER (WHERE ok)::int AS "ok_90d"
    FROM probe_results WHERE site_id = ${siteId} AND ts > ${d90} AND ts <= ${now} ${outsideMaintenance(maintenance)}
    GROUP BY monitor_id`;
  return new Map(
    rows.map((r) => [
      r.monitorId,
      Object.fromEntries(
        UPTIME_WINDOWS.map((w) => [w.key, { ok: r[`ok_${w.key}`], total: r[`total_${w.key}`] }]),
      ) as Record<UptimeWindowKey, CheckCounts>,
    ]),
  );
}

const stepInterval = (stepMs: number) => Prisma.sql`make_interval(secs => ${stepMs / 1000}::float8)`;

/** Checks per monitor and step in [start, end), steps aligned on `start`. */
export async function countBuckets(
  siteId: number,
  start: Date,
  end: Date,
  stepMs: number,
  client: DbClient = db,
  maintenance?: MaintenanceByMonitor,
): Promise<Map<string, BucketRow[]>> {
  const rows = await client.$queryRaw<Array<BucketRow & { monitorId: string }>>`
    SELECT monitor_id AS "monitorId", date_bin(${stepInterval(stepMs)}, ts, ${start}::timestamptz) AS t,
      count(*) FILTER (WHERE ok)::int AS ok, count(*)::int AS total
    FROM probe_results WHERE site_id = ${siteId} AND ts >= ${start} AND ts < ${end} ${outsideMaintenance(maintenance)}
    GROUP BY 1, 2`;
  return groupBy(rows);
}

/** Latency p50/p95 (interpolated, like Postgres' percentile_cont) per monitor and step, over checks that got an answer. */
export async function latencyBuckets(
  siteId: number,
  start: Date,
  end: Date,
  stepMs: number,
  client: DbClient = db,
  maintenance?: MaintenanceByMonitor,
): Promise<Map<string, LatencyPoint[]>> {
  const rows = await client.$queryRaw<Array<LatencyPoint & { monitorId: string }>>`
    SELECT monitor_id AS "monitorId", date_bin(${stepInterval(stepMs)}, ts, ${start}::timestamptz) AS t,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95,
      count(*)::int AS n
    FROM probe_results WHERE site_id = ${siteId} AND ts >= ${start} AND ts < ${end} AND latency_ms IS NOT NULL
      ${outsideMaintenance(maintenance)}
    GROUP BY 1, 2 ORDER BY 2`;
  return groupBy(rows);
}

function groupBy<T extends { monitorId: string }>(rows: T[]): Map<string, Array<Omit<T, "monitorId">>> {
  const out = new Map<string, Array<Omit<T, "monitorId">>>();
  for (const { monitorId, ...rest } of rows) out.set(monitorId, [...(out.get(monitorId) ?? []), rest]);
  return out;
}

/** Retention: results older than `before` (the longest window is 90 days). */
export async function pruneProbeResults(before: Date, client: DbClient = db): Promise<number> {
  return client.$executeRaw`DELETE FROM probe_results WHERE ts < ${before}`;
}
