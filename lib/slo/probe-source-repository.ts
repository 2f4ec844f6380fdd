import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { Counts } from "@/lib/slo/math";
import type { StepCounts } from "@/lib/slo/series";
import type { Range, SeriesPlan } from "@/lib/slo/windows";

// Probe results of one monitor, found by slug; the (monitor_id, ts) index serves every range.

/** Successful and all probes of monitor `slug` over [from, to). */
export async function readProbeCounts(
  siteId: number,
  slug: string,
  range: Range,
  client: DbClient = db,
): Promise<Counts> {
  const [row] = await client.$queryRaw<Counts[]>`
    SELECT (count(*) FILTER (WHERE ok))::float8 AS good, count(*)::float8 AS total FROM probe_results
    WHERE site_id = ${siteId} AND monitor_id = (SELECT id FROM monitors WHERE site_id = ${siteId} AND slug = ${slug})
      AND ts >= ${range.from} AND ts < ${range.to}`;
  return row ?? { good: 0, total: 0 };
}

export async function readProbeSteps(
  siteId: number,
  slug: string,
  plan: SeriesPlan,
  client: DbClient = db,
): Promise<StepCounts[]> {
  const rows = await client.$queryRaw<Array<{ t: Date; good: number; total: number }>>`
    SELECT date_bin(make_interval(mins => ${plan.stepMinutes}::int), ts, ${plan.start}::timestamptz) AS t,
      (count(*) FILTER (WHERE ok))::float8 AS good, count(*)::float8 AS total
    FROM probe_results
    WHERE site_id = ${siteId} AND monitor_id = (SELECT id FROM monitors WHERE site_id = ${siteId} AND slug = ${slug})
      AND ts >= ${plan.start} AND ts < ${plan.end}
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ t: r.t.getTime(), good: r.good, total: r.total }));
}
