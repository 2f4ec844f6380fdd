import pg from "pg";

/** One request_rollups row, as the app's telemetry flush writes it. */
export type RollupRow = {
  grain: "minute" | "hour";
  bucket: Date;
  route: string;
  method: string;
  statusClass: number;
  count: number;
  durationSumMs: number;
  hist: Record<string, number>;
};

/**
 * Adds rows of a site (Vigil's own, id 1, unless told) into the database of the app under test, merged on conflict
 * like the telemetry flush does.
 */
export async function upsertRequestRollups(rows: readonly RollupRow[], siteId = 1) {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO request_rollups (site_id, grain, bucket_start, route, method, status_class, count, duration_sum_ms, hist)
       SELECT $9::int, * FROM unnest($1::"RequestGrain"[], $2::timestamptz[], $3::text[], $4::text[], $5::smallint[], $6::int[], $7::float8[], $8::jsonb[])
       ON CONFLICT (site_id, grain, bucket_start, route, method, status_class) DO UPDATE SET count = request_rollups.count + excluded.count,
         duration_sum_ms = request_rollups.duration_sum_ms + excluded.duration_sum_ms, hist = vigil_hist_merge(request_rollups.hist, excluded.hist)`,
      [
        rows.map((c) => c.grain),
        rows.map((c) => c.bucket.toISOString()),
        rows.map((c) => c.route),
        rows.map((c) => c.method),
        rows.map((c) => c.statusClass),
        rows.map((c) => c.count),
        rows.map((c) => c.durationSumMs),
        rows.map((c) => JSON.stringify(c.hist)),
        siteId,
      ],
    );
  } finally {
    await client.end();
  }
}
