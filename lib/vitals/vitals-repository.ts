import "server-only";
import type pg from "pg";
import { db, pgPool, type DbClient } from "@/lib/db";
import type { MetricName, Rating } from "@/lib/vitals/metrics";
import { rollupDeltas, type RollupInput } from "@/lib/vitals/rollup";

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

// Raw rows go in as one JSON array (JSON.stringify is native; pg's array-literal escaping in JS cost more than the
// statement), one statement per batch whatever its size, on Prisma's own pg pool. A sample already stored is left
// to the replay path: the statement answers one row, with the keys it inserted only when it did not insert them all.
const INSERT_RAW = `
WITH ins AS (
  INSERT INTO vitals (ts, metric, value, rating, route, device, browser, country, navigation_type, connection,
                      page_view_id, metric_id, attribution_target, attribution_type)
  SELECT ts, metric, value, rating, route, device, browser, country, "navigationType", connection,
         "pageViewId", "metricId", "attributionTarget", "attributionType"
  FROM json_to_recordset($1::json) AS r(ts timestamptz, metric "VitalMetric", value float8, rating "VitalRating", route text,
       device "DeviceClass", browser text, country varchar(2), "navigationType" text, connection text, "pageViewId" text,
       "metricId" text, "attributionTarget" text, "attributionType" text)
  ON CONFLICT (page_view_id, metric, metric_id) DO NOTHING
  RETURNING page_view_id, metric::text AS metric, metric_id)
SELECT count(*)::int AS n,
       CASE WHEN count(*) < $2 THEN json_agg(json_build_object('page_view_id', page_view_id, 'metric', metric, 'metric_id', metric_id)) END AS keys
FROM ins`;

// The stored versions of replayed samples, locked so that a concurrent replay of the same sample waits for us.
const LOCK_STORED = `
SELECT v.page_view_id, v.metric::text AS metric, v.metric_id, v.ts, v.value, v.rating::text AS rating, v.route, v.device::text AS device
FROM vitals v JOIN unnest($1::text[], $2::"VitalMetric"[], $3::text[]) AS k(p, m, i)
  ON v.page_view_id = k.p AND v.metric = k.m AND v.metric_id = k.i
ORDER BY v.id FOR UPDATE OF v`;

const UPDATE_REPLAYED = `
UPDATE vitals v SET value = k.value, rating = k.rating, attribution_target = k.target, attribution_type = k.type
FROM unnest($1::text[], $2::"VitalMetric"[], $3::text[], $4::float8[], $5::"VitalRating"[], $6::text[], $7::text[])
  AS k(p, m, i, value, rating, target, type)
WHERE v.page_view_id = k.p AND v.metric = k.m AND v.metric_id = k.i`;

// Counts are int: a cell that anonymous beacons push to its maximum stays there instead of failing every later
// batch with 22003 (a cell of one hour, metric, route and device, so far beyond any real site).
const INT_MAX = 2_147_483_647;
const UPSERT_ROLLUPS = `
INSERT INTO vital_rollups AS r (grain, bucket_start, metric, route, device, count, good, needs_improvement, poor, sum, hist)
SELECT grain, "bucketStart", metric, route, device, count, good, "needsImprovement", poor, sum, hist
FROM json_to_recordset($1::json) AS d(grain "RollupGrain", "bucketStart" timestamptz, metric "VitalMetric", route text,
     device "DeviceClass", count int, good int, "needsImprovement" int, poor int, sum float8, hist jsonb)
ON CONFLICT (grain, metric, bucket_start, route, device) DO UPDATE SET
  count = least(r.count::bigint + EXCLUDED.count, ${INT_MAX}),
  good = least(r.good::bigint + EXCLUDED.good, ${INT_MAX}),
  needs_improvement = least(r.needs_improvement::bigint + EXCLUDED.needs_improvement, ${INT_MAX}),
  poor = least(r.poor::bigint + EXCLUDED.poor, ${INT_MAX}),
  sum = r.sum + EXCLUDED.sum,
  hist = vigil_hist_merge(r.hist, EXCLUDED.hist)`;

type StoredSample = {
  page_view_id: string;
  metric: MetricName;
  metric_id: string;
  ts: Date;
  value: number;
  rating: Rating;
  route: string;
  device: string;
};

/** One sample of one page view: web-vitals re-reports CLS and INP under the same id when their value changes. */
const sampleKey = (r: {
  pageViewId?: string;
  page_view_id?: string;
  metric: string;
  metricId?: string;
  metric_id?: string;
}) => `${r.pageViewId ?? r.page_view_id}\u0000${r.metric}\u0000${r.metricId ?? r.metric_id}`;

const column = <K extends keyof VitalRow>(rows: readonly VitalRow[], key: K) => rows.map((r) => r[key]);

/** The last report of each sample in the batch (arrival order), so one statement never touches a row twice. */
function latestPerSample(rows: readonly VitalRow[]): VitalRow[] {
  const latest = new Map<string, VitalRow>();
  for (const r of rows) latest.set(sampleKey(r), r);
  return latest.size === rows.length ? [...rows] : [...latest.values()];
}

async function upsertRollups(client: Pick<pg.ClientBase, "query">, inputs: readonly RollupInput[]): Promise<void> {
  const deltas = rollupDeltas(inputs);
  // Sorted deltas, so concurrent writers lock rollup rows in one order (json_to_recordset keeps the array's order).
  if (deltas.length > 0) await client.query(UPSERT_ROLLUPS, [JSON.stringify(deltas)]);
}

/**
 * Replays: the latest value of a stored sample wins. Its first report keeps the time, route and device; the
 * rollups take the old value out and put the new one in, so they count each sample once. Returns the changes.
 */
async function applyReplays(
  client: Pick<pg.ClientBase, "query">,
  replays: readonly VitalRow[],
): Promise<RollupInput[]> {
  const { rows: stored } = await client.query<StoredSample>(LOCK_STORED, [
    column(replays, "pageViewId"),
    column(replays, "metric"),
    column(replays, "metricId"),
  ]);
  const incoming = new Map(replays.map((r) => [sampleKey(r), r]));
  const changed: Array<{ old: StoredSample; next: VitalRow }> = [];
  for (const old of stored) {
    const next = incoming.get(sampleKey(old))!;
    if (next.value !== old.value) changed.push({ old, next });
  }
  if (changed.length === 0) return [];
  const next = changed.map((c) => c.next);
  await client.query(UPDATE_REPLAYED, [
    column(next, "pageViewId"),
    column(next, "metric"),
    column(next, "metricId"),
    column(next, "value"),
    column(next, "rating"),
    column(next, "attributionTarget"),
    column(next, "attributionType"),
  ]);
  return changed.flatMap(({ old, next: n }) => [
    {
      ts: old.ts,
      metric: old.metric,
      value: old.value,
      rating: old.rating,
      route: old.route,
      device: old.device,
      weight: -1 as const,
    },
    { ts: old.ts, metric: old.metric, value: n.value, rating: n.rating, route: old.route, device: old.device },
  ]);
}

/**
 * Stores raw rows and folds them into the hourly and daily rollups in one transaction: a sample seen before
 * (same page view, metric and id) replaces its stored value instead of adding a second one. Returns the rows
 * that were new samples (not replays).
 */
export async function insertVitalsBatch(
  input: readonly VitalRow[],
  pool: pg.Pool = pgPool(),
): Promise<ReadonlySet<VitalRow>> {
  if (input.length === 0) return new Set();
  const rows = latestPerSample(input);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    type Inserted = { n: number; keys: Array<{ page_view_id: string; metric: string; metric_id: string }> | null };
    const [inserted] = (await client.query<Inserted>(INSERT_RAW, [JSON.stringify(rows), rows.length])).rows;
    let fresh: readonly VitalRow[] = rows;
    let replayed: RollupInput[] = [];
    if (inserted!.n !== rows.length) {
      const stored = new Set((inserted!.keys ?? []).map(sampleKey));
      fresh = rows.filter((r) => stored.has(sampleKey(r)));
      replayed = await applyReplays(
        client,
        rows.filter((r) => !stored.has(sampleKey(r))),
      );
    }
    await upsertRollups(client, [...fresh, ...replayed]);
    await client.query("COMMIT");
    return new Set(fresh);
  } catch (err) {
    // A connection that cannot even roll back is broken: destroy it rather than hand it to the next caller.
    await client.query("ROLLBACK").catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
    throw err;
  } finally {
    client.release(broken);
  }
}

/** Deletes vital rollups of one grain older than `before` (their primary key leads with grain and metric). */
export async function pruneVitalRollups(
  grain: "hour" | "day",
  before: Date,
  pool: Pick<pg.Pool, "query"> = pgPool(),
): Promise<number> {
  const { rowCount } = await pool.query(
    `DELETE FROM vital_rollups WHERE grain = $1::"RollupGrain" AND bucket_start < $2`,
    [grain, before],
  );
  return rowCount ?? 0;
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
