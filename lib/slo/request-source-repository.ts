import "server-only";
import { db, Prisma, type DbClient } from "@/lib/db";
import type { RequestSelection } from "@/lib/slo/selection";
import type { Segment, SeriesPlan } from "@/lib/slo/windows";
import type { Histogram } from "@/lib/vitals/histogram";

/** Requests of a selection over some time: all of them, the 5xx among them, their merged latency histogram. */
export type RequestAgg = { total: number; bad: number; hist: Histogram };
export type RequestStepAgg = RequestAgg & { t: Date };

// Mirrors selects() in lib/slo/selection.ts.
function selectionSql(s: RequestSelection) {
  const parts: Prisma.Sql[] = s.exclude.map((r) => Prisma.sql`route <> ${r}`);
  const pick: Prisma.Sql[] = [
    ...(s.routes.length ? [Prisma.sql`route IN (${Prisma.join(s.routes)})`] : []),
    ...(s.prefix !== null ? [Prisma.sql`starts_with(route, ${s.prefix})`] : []),
  ];
  if (pick.length) parts.push(Prisma.sql`(${Prisma.join(pick, " OR ")})`);
  if (s.methods.length) parts.push(Prisma.sql`method IN (${Prisma.join(s.methods)})`);
  return parts.length ? Prisma.sql`AND ${Prisma.join(parts, " AND ")}` : Prisma.empty;
}

// Each segment is a range of one grain: the primary key (grain, bucket_start, …) serves it.
const segmentSql = (segments: readonly Segment[]) =>
  Prisma.join(
    segments.map(
      (s) =>
        Prisma.sql`(grain = ${s.grain === "hour" ? "hour" : "minute"}::"RequestGrain" AND bucket_start >= ${s.from} AND bucket_start < ${s.to})`,
    ),
    " OR ",
  );

// Histograms are merged per bucket key in SQL, so a window returns one small object however many rows it spans.
/** Totals over the segments; the histogram only when asked (latency SLOs), as merging it is most of the cost. */
export async function readRequestAgg(
  siteId: number,
  selection: RequestSelection,
  segments: readonly Segment[],
  withHist: boolean,
  client: DbClient = db,
): Promise<RequestAgg> {
  if (segments.length === 0) return { total: 0, bad: 0, hist: {} };
  const hist = withHist
    ? Prisma.sql`(SELECT coalesce(jsonb_object_agg(key, n), '{}'::jsonb) FROM (
        SELECT h.key, sum(h.value::bigint) AS n FROM r CROSS JOIN LATERAL jsonb_each_text(r.hist) AS h(key, value) GROUP BY h.key) k)`
    : Prisma.sql`'{}'::jsonb`;
  const [row] = await client.$queryRaw<RequestAgg[]>`
    WITH r AS (SELECT status_class, count, hist FROM request_rollups
      WHERE site_id = ${siteId} AND (${segmentSql(segments)}) ${selectionSql(selection)})
    SELECT coalesce(sum(count), 0)::float8 AS total, coalesce(sum(count) FILTER (WHERE status_class = 5), 0)::float8 AS bad, ${hist} AS hist FROM r`;
  return row ?? { total: 0, bad: 0, hist: {} };
}

/** Hourly rows merged per chart step (steps aligned on plan.start). */
export function readRequestSteps(
  siteId: number,
  selection: RequestSelection,
  plan: SeriesPlan,
  withHist: boolean,
  client: DbClient = db,
): Promise<RequestStepAgg[]> {
  const hists = withHist
    ? Prisma.sql`, keys AS (SELECT t, h.key, sum(h.value::bigint) AS n FROM r CROSS JOIN LATERAL jsonb_each_text(r.hist) AS h(key, value) GROUP BY t, h.key),
        hists AS (SELECT t, jsonb_object_agg(key, n) AS hist FROM keys GROUP BY t)`
    : Prisma.sql`, hists AS (SELECT NULL::timestamptz AS t, NULL::jsonb AS hist WHERE false)`;
  return client.$queryRaw<RequestStepAgg[]>`
    WITH r AS (
      SELECT date_bin(make_interval(mins => ${plan.stepMinutes}::int), bucket_start, ${plan.start}::timestamptz) AS t, status_class, count, hist
      FROM request_rollups WHERE site_id = ${siteId} AND grain = 'hour'::"RequestGrain" AND bucket_start >= ${plan.start} AND bucket_start < ${plan.end} ${selectionSql(selection)}),
    counts AS (SELECT t, sum(count)::float8 AS total, coalesce(sum(count) FILTER (WHERE status_class = 5), 0)::float8 AS bad FROM r GROUP BY t)
    ${hists}
    SELECT c.t, c.total, c.bad, coalesce(h.hist, '{}'::jsonb) AS hist FROM counts c LEFT JOIN hists h USING (t) ORDER BY c.t`;
}

/** The busiest routes of a selection since `from` (hourly rows, which include the running hour), at most `limit`. */
export async function readTopRoutes(
  siteId: number,
  selection: RequestSelection,
  from: Date,
  limit: number,
  client: DbClient = db,
): Promise<string[]> {
  const rows = await client.$queryRaw<Array<{ route: string }>>`
    SELECT route FROM request_rollups
    WHERE site_id = ${siteId} AND grain = 'hour'::"RequestGrain" AND bucket_start >= ${from} ${selectionSql(selection)}
    GROUP BY route ORDER BY sum(count) DESC, route LIMIT ${limit}`;
  return rows.map((r) => r.route);
}
