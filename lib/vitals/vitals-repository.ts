import "server-only";
import type pg from "pg";
import { db, pgPool, type DbClient } from "@/lib/db";
import type { MetricName, Rating } from "@/lib/vitals/metrics";
import { rollupDeltas } from "@/lib/vitals/rollup";

export type VitalRow = {
  ts: Date;
  metric: MetricName;
  value: number;
  rating: Rating;
  route: string;
  device: "mobile" | "tablet" | "desktop" | "unknown";
  browser: string | null;
  country: string | null;
  navigationType: string | null;
  connection: string | null;
  pageViewId: string;
  metricId: string;
  attributionTarget: string | null;
  attributionType: string | null;
};

// One statement: the raw insert runs as a data-modifying CTE beside the rollup upsert, so both commit together
// without a transaction. Column arrays go through unnest(): one statement per batch whatever its size. It runs on
// Prisma's own pg pool directly: through $executeRawUnsafe the same batch took ~8 ms instead of ~2 ms.
const INSERT_BATCH = `
WITH raw AS (
  INSERT INTO vitals (ts, metric, value, rating, route, device, browser, country, navigation_type, connection,
                      page_view_id, metric_id, attribution_target, attribution_type)
  SELECT * FROM unnest($1::timestamptz[], $2::"VitalMetric"[], $3::float8[], $4::"VitalRating"[], $5::text[],
                       $6::"DeviceClass"[], $7::text[], $8::varchar[], $9::text[], $10::text[], $11::text[], $12::text[],
                       $13::text[], $14::text[])
)
INSERT INTO vital_rollups AS r (grain, bucket_start, metric, route, device, count, good, needs_improvement, poor, sum, hist)
SELECT * FROM unnest($15::"RollupGrain"[], $16::timestamptz[], $17::"VitalMetric"[], $18::text[], $19::"DeviceClass"[],
                     $20::int[], $21::int[], $22::int[], $23::int[], $24::float8[], $25::jsonb[])
ON CONFLICT (grain, metric, bucket_start, route, device) DO UPDATE SET
  count = r.count + EXCLUDED.count,
  good = r.good + EXCLUDED.good,
  needs_improvement = r.needs_improvement + EXCLUDED.needs_improvement,
  poor = r.poor + EXCLUDED.poor,
  sum = r.sum + EXCLUDED.sum,
  hist = vigil_hist_merge(r.hist, EXCLUDED.hist)`;

const column = <K extends keyof VitalRow>(rows: readonly VitalRow[], key: K) => rows.map((r) => r[key]);

/** Stores raw rows and folds them into the hourly and daily rollups, atomically (one statement). */
export async function insertVitalsBatch(rows: readonly VitalRow[], pool: Pick<pg.Pool, "query"> = pgPool()): Promise<void> {
  if (rows.length === 0) return;
  const deltas = rollupDeltas(rows);
  await pool.query(INSERT_BATCH, [
    rows.map((r) => r.ts.toISOString()),
    column(rows, "metric"),
    column(rows, "value"),
    column(rows, "rating"),
    column(rows, "route"),
    column(rows, "device"),
    column(rows, "browser"),
    column(rows, "country"),
    column(rows, "navigationType"),
    column(rows, "connection"),
    column(rows, "pageViewId"),
    column(rows, "metricId"),
    column(rows, "attributionTarget"),
    column(rows, "attributionType"),
    deltas.map((d) => d.grain),
    deltas.map((d) => d.bucketStart.toISOString()),
    deltas.map((d) => d.metric),
    deltas.map((d) => d.route),
    deltas.map((d) => d.device),
    deltas.map((d) => d.count),
    deltas.map((d) => d.good),
    deltas.map((d) => d.needsImprovement),
    deltas.map((d) => d.poor),
    deltas.map((d) => d.sum),
    deltas.map((d) => JSON.stringify(d.hist)),
  ]);
}

/** Deletes raw rows older than `before` in chunks so a large prune never holds one long lock; rollups stay. */
export async function pruneVitals(before: Date, chunk = 10_000, client: DbClient = db): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await client.$executeRaw`
      DELETE FROM vitals WHERE id IN (SELECT id FROM vitals WHERE ts < ${before} ORDER BY ts LIMIT ${chunk})`;
    total += deleted;
    if (deleted < chunk) return total;
  }
}
