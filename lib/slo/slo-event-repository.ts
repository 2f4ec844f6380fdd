import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { Counts } from "@/lib/slo/math";
import type { StepCounts } from "@/lib/slo/series";
import type { Range, SeriesPlan } from "@/lib/slo/windows";

const MINUTE = 60_000;

/** Adds reported events into the minute's row of a custom SLO (concurrent reports sum up). */
export async function addSloEvents(
  siteId: number,
  slo: string,
  counts: Counts,
  now = new Date(),
  client: DbClient = db,
): Promise<void> {
  const bucket = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
  await client.$executeRaw`
    INSERT INTO slo_event_rollups AS r (site_id, slo, bucket_start, good, total)
    VALUES (${siteId}, ${slo}, ${bucket}, ${counts.good}, ${counts.total})
    ON CONFLICT (site_id, slo, bucket_start) DO UPDATE SET good = r.good + EXCLUDED.good, total = r.total + EXCLUDED.total`;
}

/** Good and total events of a custom SLO over [from, to); the primary key (slo, bucket_start) serves the range. */
export async function readEventCounts(
  siteId: number,
  slo: string,
  range: Range,
  client: DbClient = db,
): Promise<Counts> {
  const [row] = await client.$queryRaw<Counts[]>`
    SELECT coalesce(sum(good), 0)::float8 AS good, coalesce(sum(total), 0)::float8 AS total FROM slo_event_rollups
    WHERE site_id = ${siteId} AND slo = ${slo} AND bucket_start >= ${range.from} AND bucket_start < ${range.to}`;
  return row ?? { good: 0, total: 0 };
}

export async function readEventSteps(
  siteId: number,
  slo: string,
  plan: SeriesPlan,
  client: DbClient = db,
): Promise<StepCounts[]> {
  const rows = await client.$queryRaw<Array<{ t: Date; good: number; total: number }>>`
    SELECT date_bin(make_interval(mins => ${plan.stepMinutes}::int), bucket_start, ${plan.start}::timestamptz) AS t,
      sum(good)::float8 AS good, sum(total)::float8 AS total
    FROM slo_event_rollups WHERE site_id = ${siteId} AND slo = ${slo} AND bucket_start >= ${plan.start} AND bucket_start < ${plan.end}
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ t: r.t.getTime(), good: r.good, total: r.total }));
}
