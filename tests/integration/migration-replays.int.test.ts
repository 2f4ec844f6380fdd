import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createTempDatabase } from "../../scripts/db/temp-database";
import { rollupDeltas } from "@/lib/vitals/rollup";

// Migration 0006 on a database that already holds replays (stored twice by the old ingest): the raw duplicates
// go, the latest report stays, and the rollups of buckets the raw rows still cover are rebuilt from them.
const dir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const migrations = readdirSync(dir)
  .filter((d) => /^\d{4}_/.test(d))
  .sort();
const before = migrations.filter((m) => m < "0006");
// Executed the way the pg driver adapter executes migration scripts: split on every semicolon.
const statements = (name: string) =>
  readFileSync(`${dir}/${name}/migration.sql`, "utf8")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

type Exec = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

const OLD_ROLLUPS = `
INSERT INTO vital_rollups AS r (grain, bucket_start, metric, route, device, count, good, needs_improvement, poor, sum, hist)
SELECT g::"RollupGrain", b::timestamptz, m::"VitalMetric", ro, d::"DeviceClass", c, go, ni, po, s, h::jsonb
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::int[], $10::float8[], $11::text[])
  AS u(g, b, m, ro, d, c, go, ni, po, s, h)
ON CONFLICT (grain, metric, bucket_start, route, device) DO UPDATE SET count = r.count + EXCLUDED.count, good = r.good + EXCLUDED.good,
  needs_improvement = r.needs_improvement + EXCLUDED.needs_improvement, poor = r.poor + EXCLUDED.poor, sum = r.sum + EXCLUDED.sum,
  hist = vigil_hist_merge(r.hist, EXCLUDED.hist)`;

type Row = { ts: Date; value: number; rating: "good" | "poor"; pv: string };

async function check(exec: Exec) {
  for (const m of before) for (const s of statements(m)) await exec(s);
  const oldDay = new Date("2026-01-01T10:00:00Z"); // the first raw hour: maybe partly pruned, so left as it was
  const day = new Date("2026-01-02T10:15:00Z");
  const rows: Row[] = [
    { ts: oldDay, value: 0.05, rating: "good", pv: "pv-old" },
    { ts: oldDay, value: 0.05, rating: "good", pv: "pv-old" }, // an old replay
    { ts: day, value: 0.05, rating: "good", pv: "pv-a" },
    { ts: day, value: 0.3, rating: "poor", pv: "pv-a" }, // the re-report with a new value: this one wins
    { ts: day, value: 0.02, rating: "good", pv: "pv-b" },
  ];
  for (const r of rows) {
    await exec(
      `INSERT INTO vitals (ts, metric, value, rating, route, device, page_view_id, metric_id) VALUES ($1, 'CLS', $2, $3::"VitalRating", '/p', 'desktop', $4, 'cls-1')`,
      [r.ts.toISOString(), r.value, r.rating, r.pv],
    );
  }
  // The rollups as the old ingest wrote them: every report counted.
  const deltas = rollupDeltas(
    rows.map((r) => ({
      siteId: 1,
      ts: r.ts,
      metric: "CLS" as const,
      value: r.value,
      rating: r.rating,
      route: "/p",
      device: "desktop",
    })),
  );
  await exec(OLD_ROLLUPS, [
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

  for (const s of statements("0006_ingest_integrity")) await exec(s);

  const raw = await exec(`SELECT page_view_id AS pv, value FROM vitals ORDER BY page_view_id`);
  expect(raw.rows).toEqual([
    { pv: "pv-a", value: 0.3 },
    { pv: "pv-b", value: 0.02 },
    { pv: "pv-old", value: 0.05 },
  ]);
  const cell = async (grain: string, at: string, route: string, device: string) =>
    (
      await exec(
        `SELECT count, good, poor, hist FROM vital_rollups WHERE grain = $1::"RollupGrain" AND bucket_start = $2::timestamptz AND route = $3 AND device = $4::"DeviceClass"`,
        [grain, at, route, device],
      )
    ).rows[0];
  const fixed = rollupDeltas(
    rows
      .filter((_, i) => i !== 2)
      .map((r) => ({
        siteId: 1,
        ts: r.ts,
        metric: "CLS" as const,
        value: r.value,
        rating: r.rating,
        route: "/p",
        device: "desktop",
      })),
  );
  for (const [route, device] of [
    ["/p", "desktop"],
    ["/p", "all"],
    ["*", "desktop"],
    ["*", "all"],
  ] as const) {
    const want = fixed.find(
      (d) =>
        d.grain === "hour" &&
        d.bucketStart.getTime() === Date.UTC(2026, 0, 2, 10) &&
        d.route === route &&
        d.device === device,
    )!;
    expect(await cell("hour", "2026-01-02T10:00:00Z", route, device)).toEqual({
      count: 2,
      good: 1,
      poor: 1,
      hist: want.hist,
    });
    expect(await cell("day", "2026-01-02T00:00:00Z", route, device)).toMatchObject({ count: 2, good: 1, poor: 1 });
  }
  // The first raw hour and day may have lost rows to retention: their rollups are not rebuilt from what is left.
  expect(await cell("hour", "2026-01-01T10:00:00Z", "/p", "desktop")).toMatchObject({ count: 2 });
  // And from now on a second report of the same sample cannot be stored twice.
  await expect(
    exec(
      `INSERT INTO vitals (ts, metric, value, rating, route, device, page_view_id, metric_id) VALUES (now(), 'CLS', 1, 'poor', '/p', 'desktop', 'pv-b', 'cls-1')`,
    ),
  ).rejects.toThrow(/duplicate key/);
  // Histograms subtract to nothing without leaving zero keys behind.
  expect(
    (await exec(`SELECT vigil_hist_merge('{"5": 1, "7": 2}'::jsonb, '{"5": -1, "9": 1}'::jsonb) AS h`)).rows[0]!.h,
  ).toEqual({ "7": 2, "9": 1 });
}

describe("migration 0006 on data with replays", () => {
  it("dedupes and rebuilds on embedded PGlite (PostgreSQL 18)", async () => {
    const db = await PGlite.create();
    try {
      await check((sql, params) => db.query(sql, params) as never);
    } finally {
      await db.close();
    }
  }, 60_000);

  it.runIf(!inject("databaseEmbedded"))(
    "dedupes and rebuilds on the PostgreSQL server",
    async () => {
      const temp = await createTempDatabase(inject("databaseUrl"), "vigil_test_migration");
      const client = new pg.Client({ connectionString: temp.url });
      await client.connect();
      try {
        await check((sql, params) => client.query(sql, params));
      } finally {
        await client.end();
        await temp.drop();
      }
    },
    60_000,
  );
});
