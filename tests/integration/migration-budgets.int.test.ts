import { describe, expect, inject, it } from "vitest";
import {
  migrationScript as script,
  migrationsBefore,
  onPglite,
  onPostgres,
  type MigrationDb as Db,
} from "../support/migration-databases";

// Migration 0011 on a database with display-only budgets: each becomes a p75 budget of every route and device
// with its site and threshold, alerting off; budget alerts get their severity.
const before = migrationsBefore("0011");
async function check(db: Db) {
  for (const m of before) await db.exec(script(m));
  await db.exec(`
    INSERT INTO sites (slug, name, public_key) VALUES ('shop', 'Shop', 'pk_shop');
    INSERT INTO vital_budgets (site_id, metric, threshold, updated_at) VALUES (1, 'LCP', 3000, now()), (2, 'LCP', 2000, now()),
      (2, 'CLS', 0.2, now());`);
  await db.exec(script("0011_vital_budget_alerts"));

  expect(
    (
      await db.query(
        `SELECT site_id, metric::text AS metric, percentile, threshold, route, device::text AS device, for_minutes,
           min_samples, enabled FROM vital_budgets ORDER BY site_id, metric::text DESC`,
      )
    ).rows,
  ).toEqual([
    {
      site_id: 1,
      metric: "LCP",
      percentile: 75,
      threshold: 3000,
      route: "*",
      device: "all",
      for_minutes: 5,
      min_samples: 20,
      enabled: false,
    },
    {
      site_id: 2,
      metric: "LCP",
      percentile: 75,
      threshold: 2000,
      route: "*",
      device: "all",
      for_minutes: 5,
      min_samples: 20,
      enabled: false,
    },
    {
      site_id: 2,
      metric: "CLS",
      percentile: 75,
      threshold: 0.2,
      route: "*",
      device: "all",
      for_minutes: 5,
      min_samples: 20,
      enabled: false,
    },
  ]);
  const ids = (await db.query("SELECT id FROM vital_budgets")).rows.map((r) => r.id);
  expect(new Set(ids).size).toBe(3);
  // The key leads with the site; a new budget gets its own id and alerts by default; one per metric/p/route/device.
  const lead = await db.query(
    `SELECT a.attname::text AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
     WHERE i.indrelid = 'vital_budgets'::regclass AND (i.indisprimary OR i.indisunique)`,
  );
  expect(lead.rows).toEqual([{ name: "site_id" }, { name: "site_id" }]);
  const added = await db.query(
    `INSERT INTO vital_budgets (site_id, metric, percentile, threshold, updated_at) VALUES (2, 'LCP', 95, 2500, now())
     RETURNING id, enabled, route`,
  );
  expect(added.rows[0]).toMatchObject({ enabled: true, route: "*" });
  await expect(
    db.query(
      `INSERT INTO vital_budgets (site_id, metric, percentile, threshold, updated_at) VALUES (2, 'LCP', 95, 1, now())`,
    ),
  ).rejects.toThrow(/unique|duplicate/);
  await db.query(
    `INSERT INTO alerts (site_id, fingerprint, slo, rule, severity, state, started_at, last_eval_at, figures, summary)
     VALUES (2, 'budget:1:budget', 'budget:1', 'budget', 'budget', 'pending', now(), now(), '{}', 'x')`,
  );
}

describe("migration 0011 on a database with budgets", () => {
  it("keeps every budget at p75, alerting off, on embedded PGlite (PostgreSQL 18)", () => onPglite(check), 60_000);

  it.runIf(!inject("databaseEmbedded"))(
    "keeps every budget at p75, alerting off, on the PostgreSQL server",
    () => onPostgres(inject("databaseUrl"), "vigil_test_migration_budgets", check),
    60_000,
  );
});
