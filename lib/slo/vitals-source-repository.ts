import "server-only";
import { db, Prisma, type DbClient } from "@/lib/db";
import type { Counts } from "@/lib/slo/math";
import type { StepCounts } from "@/lib/slo/series";
import type { SloSpec } from "@/lib/slo/spec";
import type { Segment, SeriesPlan } from "@/lib/slo/windows";

type VitalsSpec = Extract<SloSpec, { kind: "vitals" }>;

// Hourly rollups carry the "*" route and "all" device levels, so one row per hour answers the default spec.
const rollupLevel = (s: VitalsSpec) =>
  Prisma.sql`metric = ${s.metric}::"VitalMetric" AND route = ${s.route} AND device = ${s.device}::"DeviceClass"`;
const rawFilter = (s: VitalsSpec) =>
  Prisma.sql`metric = ${s.metric}::"VitalMetric" ${s.route === "*" ? Prisma.empty : Prisma.sql`AND route = ${s.route}`} ${s.device === "all" ? Prisma.empty : Prisma.sql`AND device = ${s.device}::"DeviceClass"`}`;

/** Good-rated and all samples: hourly rollups for whole hours, raw samples (index on metric, ts) for the edges. */
export async function readVitalCounts(
  siteId: number,
  spec: VitalsSpec,
  segments: readonly Segment[],
  client: DbClient = db,
): Promise<Counts> {
  const parts = segments.map((s) =>
    s.grain === "hour"
      ? Prisma.sql`SELECT sum(good)::float8 AS good, sum(count)::float8 AS total FROM vital_rollups
          WHERE site_id = ${siteId} AND grain = 'hour' AND ${rollupLevel(spec)}
            AND bucket_start >= ${s.from} AND bucket_start < ${s.to}`
      : Prisma.sql`SELECT (count(*) FILTER (WHERE rating = 'good'))::float8 AS good, count(*)::float8 AS total FROM vitals
          WHERE site_id = ${siteId} AND day >= (${s.from}::timestamptz AT TIME ZONE 'UTC')::date - 1
            AND ${rawFilter(spec)} AND ts >= ${s.from} AND ts < ${s.to}`,
  );
  if (parts.length === 0) return { good: 0, total: 0 };
  const [row] = await client.$queryRaw<Counts[]>`
    SELECT coalesce(sum(good), 0)::float8 AS good, coalesce(sum(total), 0)::float8 AS total FROM (${Prisma.join(parts, " UNION ALL ")}) p`;
  return row ?? { good: 0, total: 0 };
}

export async function readVitalSteps(
  siteId: number,
  spec: VitalsSpec,
  plan: SeriesPlan,
  client: DbClient = db,
): Promise<StepCounts[]> {
  const rows = await client.$queryRaw<Array<{ t: Date; good: number; total: number }>>`
    SELECT date_bin(make_interval(mins => ${plan.stepMinutes}::int), bucket_start, ${plan.start}::timestamptz) AS t,
      sum(good)::float8 AS good, sum(count)::float8 AS total
    FROM vital_rollups WHERE site_id = ${siteId} AND grain = 'hour' AND ${rollupLevel(spec)} AND bucket_start >= ${plan.start} AND bucket_start < ${plan.end}
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ t: r.t.getTime(), good: r.good, total: r.total }));
}
