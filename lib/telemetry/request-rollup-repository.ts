import "server-only";
import type pg from "pg";
import { pgPool } from "@/lib/db";
import type { RequestRollupRow } from "@/lib/telemetry/request-aggregator";

// One statement per flush whatever its size; every instance adds into the same rows, so counts from several
// app instances (or serverless invocations) sum up. Runs on Prisma's pg pool like the vitals hot path.
// `count` saturates at the int maximum: one overflowing row would otherwise fail the flush of every route.
const UPSERT = `
INSERT INTO request_rollups AS r (site_id, grain, bucket_start, route, method, status_class, count, duration_sum_ms, hist)
SELECT $9::int, * FROM unnest($1::"RequestGrain"[], $2::timestamptz[], $3::text[], $4::varchar[], $5::smallint[],
                              $6::int[], $7::float8[], $8::jsonb[])
ON CONFLICT (site_id, grain, bucket_start, route, method, status_class) DO UPDATE SET
  count = least(r.count::bigint + EXCLUDED.count, 2147483647)::int,
  duration_sum_ms = r.duration_sum_ms + EXCLUDED.duration_sum_ms,
  hist = vigil_hist_merge(r.hist, EXCLUDED.hist)`;

const keyOf = (r: RequestRollupRow) =>
  `${r.grain}|${r.bucketStart.toISOString()}|${r.route}|${r.method}|${r.statusClass}`;

/** Adds one site's rows (Vigil's own server telemetry, or an app's OTLP push) into the rollups. */
export async function upsertRequestRollups(
  siteId: number,
  unsorted: readonly RequestRollupRow[],
  pool: Pick<pg.Pool, "query"> = pgPool(),
): Promise<void> {
  if (unsorted.length === 0) return;
  // One lock order for every writer: two instances flushing the same keys must not deadlock.
  const rows = unsorted
    .map((r) => [keyOf(r), r] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([, r]) => r);
  await pool.query(UPSERT, [
    rows.map((r) => r.grain),
    rows.map((r) => r.bucketStart),
    rows.map((r) => r.route),
    rows.map((r) => r.method),
    rows.map((r) => r.statusClass),
    rows.map((r) => r.count),
    rows.map((r) => r.durationSumMs),
    rows.map((r) => JSON.stringify(r.hist)),
    siteId,
  ]);
}

/** Minute rows serve short windows only; hour rows stay. */
export async function pruneMinuteRollups(before: Date, pool: Pick<pg.Pool, "query"> = pgPool()): Promise<number> {
  const res = await pool.query(`DELETE FROM request_rollups WHERE grain = 'minute' AND bucket_start < $1`, [before]);
  return res.rowCount ?? 0;
}

export async function pruneHourRollups(before: Date, pool: Pick<pg.Pool, "query"> = pgPool()): Promise<number> {
  const res = await pool.query(`DELETE FROM request_rollups WHERE grain = 'hour' AND bucket_start < $1`, [before]);
  return res.rowCount ?? 0;
}
