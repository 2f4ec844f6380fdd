import "server-only";
import { Prisma } from "@/lib/db";
import { db, type DbClient } from "@/lib/db";
import type { Device } from "@/lib/vitals/beacon-schema";
import type { MetricName } from "@/lib/vitals/metrics";
import type { AttributionRow } from "@/lib/vitals/read-model";
import { ALL_DEVICES, ALL_ROUTES, type Grain, type RollupCounts } from "@/lib/vitals/rollup";
import type { Range, WindowPlan } from "@/lib/vitals/window";

export type RollupFilter = { metric?: MetricName; route?: string; device?: Device };
export type RollupRead = RollupCounts;

const rangeSql = (grain: Grain, r: Range) =>
  Prisma.sql`(grain = ${grain}::"RollupGrain" AND bucket_start >= ${r.from} AND bucket_start < ${r.to})`;

/** Picks the rollup level: one route or all routes ("*"), or every route separately; one device or "all". */
function levelSql(f: RollupFilter, perRoute: boolean) {
  const route =
    perRoute && !f.route ? Prisma.sql`route <> ${ALL_ROUTES}` : Prisma.sql`route = ${f.route ?? ALL_ROUTES}`;
  const metric = f.metric ? Prisma.sql`AND metric = ${f.metric}::"VitalMetric"` : Prisma.empty;
  return Prisma.sql`AND ${route} AND device = ${f.device ?? ALL_DEVICES}::"DeviceClass" ${metric}`;
}

/** Exact-match filters for the raw table. */
function filterSql(f: RollupFilter) {
  const parts = [
    f.metric ? Prisma.sql`metric = ${f.metric}::"VitalMetric"` : null,
    f.route ? Prisma.sql`route = ${f.route}` : null,
    f.device ? Prisma.sql`device = ${f.device}::"DeviceClass"` : null,
  ].filter((p): p is Prisma.Sql => p !== null);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

// Enum columns are cast to text: the pg adapter reads enums by OID and does not know ours.
const COLUMNS = Prisma.sql`bucket_start AS "bucketStart", metric::text AS metric, route, device::text AS device, count, good,
  needs_improvement AS "needsImprovement", poor, hist`;

const windowSql = (plan: WindowPlan) =>
  Prisma.join(
    [...(plan.days ? [rangeSql("day", plan.days)] : []), ...plan.hours.map((h) => rangeSql("hour", h))],
    " OR ",
  );

/**
 * The rollup rows that cover a window exactly (daily rows for whole days, hourly rows for the edges), at the level
 * the filter asks for; `perRoute` returns each route's rows instead of the all-routes rows.
 */
export function readWindowRollups(
  siteId: number,
  plan: WindowPlan,
  filter: RollupFilter,
  { perRoute = false } = {},
  client: DbClient = db,
): Promise<RollupRead[]> {
  return client.$queryRaw<RollupRead[]>`
    SELECT ${COLUMNS} FROM vital_rollups
    WHERE site_id = ${siteId} AND (${windowSql(plan)}) ${levelSql(filter, perRoute)}`;
}

/**
 * The rows of the `limit` routes with the most not-good samples of one metric in the window (then the most
 * samples), ranked in SQL so a site with thousands of routes never ships them all to the page.
 */
export function readTopRouteRollups(
  siteId: number,
  plan: WindowPlan,
  filter: RollupFilter & { metric: MetricName },
  limit: number,
  client: DbClient = db,
): Promise<RollupRead[]> {
  const where = Prisma.sql`site_id = ${siteId} AND (${windowSql(plan)}) ${levelSql(filter, true)}`;
  return client.$queryRaw<RollupRead[]>`
    WITH top AS (
      SELECT route FROM vital_rollups WHERE ${where}
      GROUP BY route ORDER BY sum(needs_improvement + poor) DESC, sum(count) DESC, route LIMIT ${limit})
    SELECT ${COLUMNS} FROM vital_rollups WHERE ${where} AND route IN (SELECT route FROM top)`;
}

/** Rows of one grain over [from, to), for time series. */
export function readGrainRollups(
  siteId: number,
  grain: Grain,
  range: Range,
  filter: RollupFilter,
  client: DbClient = db,
): Promise<RollupRead[]> {
  return client.$queryRaw<RollupRead[]>`
    SELECT ${COLUMNS} FROM vital_rollups
    WHERE site_id = ${siteId} AND ${rangeSql(grain, range)} ${levelSql(filter, false)} ORDER BY bucket_start`;
}

/** Most frequent element / interaction targets among poor samples (raw rows, so bounded by retention). */
export function readPoorTargets(
  siteId: number,
  metric: MetricName,
  range: Range,
  filter: Omit<RollupFilter, "metric">,
  limit = 5,
  client: DbClient = db,
): Promise<AttributionRow[]> {
  return client.$queryRaw<AttributionRow[]>`
    SELECT attribution_target AS target, count(*)::int AS samples, max(value) AS worst
    FROM vitals
    WHERE site_id = ${siteId} AND day >= (${range.from}::timestamptz AT TIME ZONE 'UTC')::date
      AND metric = ${metric}::"VitalMetric" AND ts >= ${range.from} AND ts < ${range.to}
      AND rating = 'poor' AND attribution_target IS NOT NULL ${filterSql(filter)}
    GROUP BY attribution_target ORDER BY samples DESC, worst DESC LIMIT ${limit}`;
}

/** Routes that have data in the window, most traffic first (for the route filter). */
export function readRoutes(
  siteId: number,
  plan: WindowPlan,
  limit = 200,
  client: DbClient = db,
): Promise<Array<{ route: string; count: number }>> {
  return client.$queryRaw`
    SELECT route, sum(count)::float8 AS count FROM vital_rollups
    WHERE site_id = ${siteId} AND (${windowSql(plan)}) AND route <> ${ALL_ROUTES} AND device = ${ALL_DEVICES}::"DeviceClass"
    GROUP BY route ORDER BY count DESC LIMIT ${limit}`;
}
