import { describe, expect, inject, it } from "vitest";
import {
  migrationScript as script,
  migrationsBefore,
  onPglite,
  onPostgres,
  type MigrationDb as Db,
} from "../support/migration-databases";

// Migration 0009 on a database that already holds data of every kind: everything becomes Vigil's own site's,
// site_id leads every key with no default, and raw vitals move into the partitions of their UTC days.
const before = migrationsBefore("0009");
const DATA_TABLES = [
  "vitals",
  "browser_routes",
  "vital_rollups",
  "vital_budgets",
  "request_rollups",
  "client_error_rollups",
  "slo_event_rollups",
  "alerts",
  "monitors",
  "probe_results",
  "incidents",
] as const;
const DAY = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function seed(db: Db) {
  const vitals: Array<[string, string, string]> = [
    ["2026-03-01T23:30:00Z", "pv-a", "LCP"],
    ["2026-03-02T00:30:00Z", "pv-a", "CLS"],
    ["2026-03-02T10:00:00Z", "pv-b", "LCP"],
  ];
  for (const [ts, pv, metric] of vitals)
    await db.query(
      `INSERT INTO vitals (ts, metric, value, rating, route, device, page_view_id, metric_id)
       VALUES ($1, $2::"VitalMetric", 1, 'good', '/p', 'desktop', $3, 'm1')`,
      [ts, metric, pv],
    );
  await db.exec(`
    INSERT INTO vital_rollups (grain, bucket_start, metric, route, device, count, good, needs_improvement, poor, sum, hist)
      VALUES ('hour', '2026-03-02T10:00:00Z', 'LCP', '/p', 'all', 1, 1, 0, 0, 1, '{}');
    INSERT INTO vital_budgets (metric, threshold, updated_at) VALUES ('LCP', 3000, now());
    INSERT INTO browser_routes (day, route) VALUES ('2026-03-02', '/p');
    INSERT INTO request_rollups (grain, bucket_start, route, method, status_class, count, duration_sum_ms, hist)
      VALUES ('hour', '2026-03-02T10:00:00Z', '/api/x', 'GET', 2, 7, 70, '{}');
    INSERT INTO client_error_rollups (bucket_start, route, count) VALUES ('2026-03-02T10:00:00Z', '/p', 3);
    INSERT INTO slo_event_rollups (slo, bucket_start, good, total) VALUES ('checkout', '2026-03-02T10:00:00Z', 9, 10);
    INSERT INTO alerts (fingerprint, slo, rule, severity, state, started_at, last_eval_at, figures, summary)
      VALUES ('checkout:page-1h', 'checkout', 'page-1h', 'page', 'firing', now(), now(), '{}', 'burning');
    INSERT INTO monitors (id, slug, name, kind, url, updated_at) VALUES ('m1', 'shop', 'Shop', 'http', 'https://shop.example/', now());
    INSERT INTO probe_results (monitor_id, ts, ok) VALUES ('m1', now(), true), ('m1', now(), false);
    INSERT INTO incidents (monitor_id, opened_at, failures, cause) VALUES ('m1', now(), 3, 'HTTP 503');`);
}

async function check(db: Db) {
  for (const m of before) await db.exec(script(m));
  await seed(db);
  const counts = async () => {
    const n: Record<string, number> = {};
    for (const t of DATA_TABLES) n[t] = Number((await db.query(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]!.n);
    return n;
  };
  const had = await counts();

  await db.exec(script("0009_sites"));

  // Vigil's own site exists, with a well-formed public key; new sites get the next ids.
  expect((await db.query("SELECT id, slug, name, public_key FROM sites")).rows).toEqual([
    { id: 1, slug: "vigil", name: "Vigil", public_key: expect.stringMatching(/^pk_[A-Za-z0-9]{24}$/) },
  ]);
  expect(
    (await db.query("INSERT INTO sites (slug, name, public_key) VALUES ('shop', 'Shop', 'pk_x') RETURNING id")).rows,
  ).toEqual([{ id: 2 }]);

  // Nothing lost, and every row is site 1's; site_id leads each primary key, NOT NULL and without a default.
  expect(await counts()).toEqual(had);
  for (const table of DATA_TABLES) {
    const other = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE site_id <> 1`);
    expect(other.rows[0]!.n, table).toBe(0);
    const column = await db.query(
      `SELECT is_nullable::text AS nullable, column_default::text AS "default" FROM information_schema.columns
       WHERE table_name = $1 AND column_name = 'site_id'`,
      [table],
    );
    expect(column.rows, table).toEqual([{ nullable: "NO", default: null }]);
    const lead = await db.query(
      `SELECT a.attname::text AS name FROM pg_index i
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
       WHERE i.indrelid = $1::regclass AND i.indisprimary`,
      [table],
    );
    expect(lead.rows, table).toEqual([{ name: "site_id" }]);
  }

  // Raw vitals sit in the partition of their UTC day; the days around the migration have partitions too.
  expect(
    (
      await db.query(
        `SELECT tableoid::regclass::text AS part, day::text AS day, page_view_id AS pv, metric::text AS metric
         FROM vitals ORDER BY ts`,
      )
    ).rows,
  ).toEqual([
    { part: "vitals_p20260301", day: "2026-03-01", pv: "pv-a", metric: "LCP" },
    { part: "vitals_p20260302", day: "2026-03-02", pv: "pv-a", metric: "CLS" },
    { part: "vitals_p20260302", day: "2026-03-02", pv: "pv-b", metric: "LCP" },
  ]);
  const parts = (
    await db.query(
      `SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'vitals'::regclass`,
    )
  ).rows.map((r) => r.name);
  const now = Date.now();
  for (let i = -1; i <= 3; i++) expect(parts).toContain(`vitals_p${utcDay(now + i * DAY).replaceAll("-", "")}`);
  expect((await db.query("SELECT to_regclass('vitals_unpartitioned')::text AS t")).rows).toEqual([{ t: null }]);

  // A write that forgets its site fails instead of landing in Vigil's data; the probe → monitor key includes it.
  await expect(
    db.query(
      `INSERT INTO request_rollups (grain, bucket_start, route, method, status_class, count, duration_sum_ms, hist)
       VALUES ('hour', now(), '/x', 'GET', 2, 1, 1, '{}')`,
    ),
  ).rejects.toThrow(/site_id/);
  await expect(
    db.query("INSERT INTO probe_results (site_id, monitor_id, ts, ok) VALUES (2, 'm1', now(), true)"),
  ).rejects.toThrow(/foreign key/);
}

describe("migration 0009 on a database with data", () => {
  it(
    "moves everything to site 1 and raw vitals into day partitions on embedded PGlite (PostgreSQL 18)",
    () => onPglite(check),
    60_000,
  );

  it.runIf(!inject("databaseEmbedded"))(
    "moves everything to site 1 and raw vitals into day partitions on the PostgreSQL server",
    () => onPostgres(inject("databaseUrl"), "vigil_test_migration_sites", check),
    60_000,
  );
});
