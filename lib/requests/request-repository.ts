import "server-only";
import { db, Prisma, type DbClient } from "@/lib/db";
import type { RequestCell, StepCell } from "@/lib/requests/read-model";
import type { RequestWindowPlan } from "@/lib/requests/window";

export type RequestFilter = { route?: string; method?: string };

// Rows of the plan's grain with start <= bucket_start < end; the primary key (grain, bucket_start, …) serves the range.
function whereSql(siteId: number, plan: Pick<RequestWindowPlan, "grain" | "start" | "end">, f: RequestFilter) {
  const route = f.route ? Prisma.sql`AND route = ${f.route}` : Prisma.empty;
  const method = f.method ? Prisma.sql`AND method = ${f.method}` : Prisma.empty;
  return Prisma.sql`WHERE site_id = ${siteId} AND grain = ${plan.grain}::"RequestGrain" AND bucket_start >= ${plan.start} AND bucket_start < ${plan.end} ${route} ${method}`;
}

// Histograms are merged in SQL (sum per bucket key) so a 24 h window of minute rows returns one row per cell, not
// thousands. Sums are read as float8: bigint would arrive as BigInt, and counts stay exact below 2^53.
/** The window's rows merged per (route, method, status class). */
export function readRequestCells(
  siteId: number,
  plan: RequestWindowPlan,
  filter: RequestFilter = {},
  client: DbClient = db,
): Promise<RequestCell[]> {
  return client.$queryRaw<RequestCell[]>`
    WITH r AS (SELECT route, method, status_class, count, duration_sum_ms, hist FROM request_rollups ${whereSql(siteId, plan, filter)}),
    counts AS (
      SELECT route, method, status_class, sum(count)::float8 AS count, sum(duration_sum_ms)::float8 AS duration_sum_ms
      FROM r GROUP BY route, method, status_class),
    keys AS (
      SELECT route, method, status_class, h.key, sum(h.value::bigint) AS n
      FROM r CROSS JOIN LATERAL jsonb_each_text(r.hist) AS h(key, value) GROUP BY route, method, status_class, h.key),
    hists AS (SELECT route, method, status_class, jsonb_object_agg(key, n) AS hist FROM keys GROUP BY route, method, status_class)
    SELECT c.route, c.method, c.status_class::int AS "statusClass", c.count, c.duration_sum_ms AS "durationSumMs",
      coalesce(h.hist, '{}'::jsonb) AS hist
    FROM counts c LEFT JOIN hists h USING (route, method, status_class)`;
}

/** The window's rows merged per chart step (steps aligned on the window start), with their 5xx count. */
export function readRequestSteps(
  siteId: number,
  plan: RequestWindowPlan,
  filter: RequestFilter = {},
  client: DbClient = db,
): Promise<StepCell[]> {
  return client.$queryRaw<StepCell[]>`
    WITH r AS (
      SELECT date_bin(make_interval(mins => ${plan.stepMinutes}::int), bucket_start, ${plan.start}::timestamptz) AS t, status_class, count, hist
      FROM request_rollups ${whereSql(siteId, plan, filter)}),
    counts AS (SELECT t, sum(count)::float8 AS count, coalesce(sum(count) FILTER (WHERE status_class = 5), 0)::float8 AS errors FROM r GROUP BY t),
    keys AS (SELECT t, h.key, sum(h.value::bigint) AS n FROM r CROSS JOIN LATERAL jsonb_each_text(r.hist) AS h(key, value) GROUP BY t, h.key),
    hists AS (SELECT t, jsonb_object_agg(key, n) AS hist FROM keys GROUP BY t)
    SELECT c.t, c.count, c.errors, coalesce(h.hist, '{}'::jsonb) AS hist FROM counts c LEFT JOIN hists h USING (t) ORDER BY c.t`;
}

/** Routes and methods that have traffic in the window, busiest first (for the filters). */
export function readRequestKeys(
  siteId: number,
  plan: RequestWindowPlan,
  limit = 500,
  client: DbClient = db,
): Promise<Array<{ route: string; method: string; count: number }>> {
  return client.$queryRaw`
    SELECT route, method, sum(count)::float8 AS count FROM request_rollups ${whereSql(siteId, plan, {})}
    GROUP BY route, method ORDER BY count DESC, route LIMIT ${limit}`;
}
