import "server-only";
import type pg from "pg";
import { pgPool } from "@/lib/db";
import { processSingleton } from "@/lib/process-singleton";
import type { MetricName, Rating } from "@/lib/vitals/metrics";
import { rollupDeltas, type RollupInput } from "@/lib/vitals/rollup";

export type VitalRow = {
  siteId: number;
  /** When the sample arrived; its UTC day is the partition it is stored in. */
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
// statement), one statement per batch whatever its size, on Prisma's own pg pool, into the partition of the day each
// sample arrives (ADR 0011). A sample already stored that day, or the day before (a page view across midnight), is
// left to the replay path: the statement answers one row, with the keys it inserted only when it did not insert all.
const INSERT_RAW = `
WITH input AS (
  SELECT * FROM json_to_recordset($1::json) AS r("siteId" int, ts timestamptz, metric "VitalMetric", value float8,
       rating "VitalRating", route text, device "DeviceClass", browser text, country varchar(2), "navigationType" text,
       connection text, "pageViewId" text, "metricId" text, "attributionTarget" text, "attributionType" text)),
ins AS (
  INSERT INTO vitals (site_id, day, ts, metric, value, rating, route, device, browser, country, navigation_type,
                      connection, page_view_id, metric_id, attribution_target, attribution_type)
  SELECT "siteId", (ts AT TIME ZONE 'UTC')::date, ts, metric, value, rating, route, device, browser, country,
         "navigationType", connection, "pageViewId", "metricId", "attributionTarget", "attributionType"
  FROM input i
  WHERE NOT EXISTS (
    SELECT 1 FROM vitals v
    WHERE v.site_id = i."siteId" AND v.day = (i.ts AT TIME ZONE 'UTC')::date - 1
      AND v.page_view_id = i."pageViewId" AND v.metric = i.metric AND v.metric_id = i."metricId")
  ON CONFLICT (site_id, day, page_view_id, metric, metric_id) DO NOTHING
  RETURNING site_id, page_view_id, metric::text AS metric, metric_id)
SELECT count(*)::int AS n,
       CASE WHEN count(*) < $2 THEN json_agg(json_build_object('site_id', site_id, 'page_view_id', page_view_id,
         'metric', metric, 'metric_id', metric_id)) END AS keys
FROM ins`;

// The stored versions of replayed samples (that day or the day before), locked so that a concurrent replay of the
// same sample waits for us.
const LOCK_STORED = `
SELECT v.site_id, v.day::text AS day, v.page_view_id, v.metric::text AS metric, v.metric_id, v.ts, v.value, v.rating::text AS rating,
       v.route, v.device::text AS device
FROM vitals v JOIN unnest($1::int[], $2::date[], $3::text[], $4::"VitalMetric"[], $5::text[]) AS k(s, d, p, m, i)
  ON v.site_id = k.s AND v.day IN (k.d, k.d - 1) AND v.page_view_id = k.p AND v.metric = k.m AND v.metric_id = k.i
ORDER BY v.site_id, v.day, v.page_view_id, v.metric, v.metric_id FOR UPDATE OF v`;

const UPDATE_REPLAYED = `
UPDATE vitals v SET value = k.value, rating = k.rating, attribution_target = k.target, attribution_type = k.type
FROM unnest($1::int[], $2::date[], $3::text[], $4::"VitalMetric"[], $5::text[], $6::float8[], $7::"VitalRating"[],
            $8::text[], $9::text[]) AS k(s, d, p, m, i, value, rating, target, type)
WHERE v.site_id = k.s AND v.day = k.d AND v.page_view_id = k.p AND v.metric = k.m AND v.metric_id = k.i`;

// Counts are int: a cell that anonymous beacons push to its maximum stays there instead of failing every later
// batch with 22003 (a cell of one hour, metric, route and device, so far beyond any real site).
const INT_MAX = 2_147_483_647;
const UPSERT_ROLLUPS = `
INSERT INTO vital_rollups AS r (site_id, grain, bucket_start, metric, route, device, count, good, needs_improvement,
                                poor, sum, hist)
SELECT "siteId", grain, "bucketStart", metric, route, device, count, good, "needsImprovement", poor, sum, hist
FROM json_to_recordset($1::json) AS d("siteId" int, grain "RollupGrain", "bucketStart" timestamptz, metric "VitalMetric",
     route text, device "DeviceClass", count int, good int, "needsImprovement" int, poor int, sum float8, hist jsonb)
ON CONFLICT (site_id, grain, metric, bucket_start, route, device) DO UPDATE SET
  count = least(r.count::bigint + EXCLUDED.count, ${INT_MAX}),
  good = least(r.good::bigint + EXCLUDED.good, ${INT_MAX}),
  needs_improvement = least(r.needs_improvement::bigint + EXCLUDED.needs_improvement, ${INT_MAX}),
  poor = least(r.poor::bigint + EXCLUDED.poor, ${INT_MAX}),
  sum = r.sum + EXCLUDED.sum,
  hist = vigil_hist_merge(r.hist, EXCLUDED.hist)`;

type StoredSample = {
  site_id: number;
  /** YYYY-MM-DD: the partition it is stored in. */
  day: string;
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
  siteId?: number;
  site_id?: number;
  pageViewId?: string;
  page_view_id?: string;
  metric: string;
  metricId?: string;
  metric_id?: string;
}) =>
  `${r.siteId ?? r.site_id}\u0000${r.pageViewId ?? r.page_view_id}\u0000${r.metric}\u0000${r.metricId ?? r.metric_id}`;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

const column = <K extends keyof VitalRow>(rows: readonly VitalRow[], key: K) => rows.map((r) => r[key]);

/**
 * The last report of each sample in the batch (arrival order), so one statement never touches a row twice, sorted
 * by key: concurrent batches insert (and lock) their keys in one order and cannot deadlock each other.
 */
function latestPerSample(rows: readonly VitalRow[]): VitalRow[] {
  const latest = new Map<string, VitalRow>();
  for (const r of rows) latest.set(sampleKey(r), r);
  return [...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
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
    column(replays, "siteId"),
    replays.map((r) => utcDay(r.ts)),
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
    column(next, "siteId"),
    changed.map((c) => c.old.day),
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
      siteId: old.site_id,
      ts: old.ts,
      metric: old.metric,
      value: old.value,
      rating: old.rating,
      route: old.route,
      device: old.device,
      weight: -1 as const,
    },
    {
      siteId: old.site_id,
      ts: old.ts,
      metric: old.metric,
      value: n.value,
      rating: n.rating,
      route: old.route,
      device: old.device,
    },
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
  const known = knownPartitions();
  const days = [...new Set(rows.map((r) => utcDay(r.ts)))].filter((d) => !known.has(d));
  if (days.length > 0) {
    await ensureVitalPartitions(days, pool);
    for (const d of days) known.add(d);
  }
  try {
    return await insertInTransaction(rows, pool);
  } catch (err) {
    // A deadlock or serialization failure is the database's to retry, not the beacons' fault: once more.
    if (isTransient(err)) return insertInTransaction(rows, pool);
    // A partition dropped by retention (or by hand) since this process saw it: make it again, once.
    if (!isMissingPartition(err)) throw err;
    known.clear();
    await ensureVitalPartitions([...new Set(rows.map((r) => utcDay(r.ts)))], pool);
    return insertInTransaction(rows, pool);
  }
}

// Days whose partition this process has seen exist: the common batch asks Postgres nothing about partitions.
const knownPartitions = () => processSingleton("vitalPartitions", () => new Set<string>());
const isTransient = (err: unknown) => ["40P01", "40001"].includes((err as { code?: string }).code ?? "");
const isMissingPartition = (err: unknown) =>
  (err as { code?: string }).code === "23514" && /no partition of relation/.test((err as Error).message ?? "");

async function insertInTransaction(rows: readonly VitalRow[], pool: pg.Pool): Promise<ReadonlySet<VitalRow>> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    type Key = { site_id: number; page_view_id: string; metric: string; metric_id: string };
    type Inserted = { n: number; keys: Key[] | null };
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

/** Deletes vital rollups of one grain older than `before` (their primary key leads with site, grain and metric). */
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

const PARTITION = /^vitals_p(\d{4})(\d{2})(\d{2})$/;

/** The days that have a raw-vitals partition, oldest first (YYYY-MM-DD). */
export async function listVitalPartitions(pool: Pick<pg.Pool, "query"> = pgPool()): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'vitals'::regclass ORDER BY 1`,
  );
  return rows.flatMap((r) => {
    const m = PARTITION.exec(r.name);
    return m ? [`${m[1]}-${m[2]}-${m[3]}`] : [];
  });
}

/** Creates the partitions of these days where missing (idempotent; one creator at a time across instances). */
export async function ensureVitalPartitions(days: readonly string[], pool: Pick<pg.Pool, "query"> = pgPool()) {
  for (const day of days) await pool.query("SELECT vigil_ensure_vitals_partition($1::date)", [day]);
}

/** Drops whole partitions of days before `beforeDay` (YYYY-MM-DD): retention without DELETE (ADR 0011). */
export async function dropVitalPartitionsBefore(
  beforeDay: string,
  pool: Pick<pg.Pool, "query"> = pgPool(),
): Promise<string[]> {
  const dropped: string[] = [];
  for (const day of await listVitalPartitions(pool)) {
    if (day >= beforeDay) break;
    await pool.query(`DROP TABLE IF EXISTS ${`vitals_p${day.replaceAll("-", "")}`}`);
    dropped.push(day);
  }
  return dropped;
}
