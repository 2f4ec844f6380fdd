import { describe, expect, inject, it } from "vitest";
import { defaultSloSpecs, vigilOwnSloSpecs } from "@/lib/slo/slo-defaults";
import { SloSpec } from "@/lib/slo/spec";
import {
  migrationScript as script,
  migrationsBefore,
  onPglite,
  onPostgres,
  type MigrationDb as Db,
} from "../support/migration-databases";

// Migration 0010 seeds the defaults of config/slos.ts for every site that exists: the stored JSON must be what
// lib/slo/spec.ts parses from the config (same fields, same defaults, same order), or sites would drift from it.
const before = migrationsBefore("0010");
async function check(db: Db) {
  for (const m of before) await db.exec(script(m));
  await db.exec(
    `INSERT INTO sites (slug, name, public_key, created_at) VALUES ('shop', 'Shop', 'pk_shop', '2026-11-01T00:00:00Z')`,
  );
  await db.exec(script("0010_slo_store"));
  const { rows: sites } = await db.query(`SELECT id, created_at FROM sites ORDER BY id`);
  expect(sites.map((s) => s.id)).toEqual([1, 2]);
  for (const site of sites) {
    // Vigil's own site (1) also gets its own SLOs, after the defaults.
    const defaults = [...defaultSloSpecs(), ...(site.id === 1 ? vigilOwnSloSpecs() : [])];
    const { rows } = await db.query(
      `SELECT slo, spec, paused, version, version_started_at FROM slo_specs WHERE site_id = $1 ORDER BY position`,
      [site.id],
    );
    expect(rows.map((r) => r.slo)).toEqual(defaults.map((d) => d.id));
    // Stored exactly as parsed, and still valid on read.
    expect(rows.map((r) => r.spec)).toEqual(defaults);
    expect(rows.map((r) => SloSpec.parse(r.spec))).toEqual(defaults);
    for (const r of rows) {
      expect(r).toMatchObject({ paused: false, version: 1 });
      expect(new Date(r.version_started_at as string).getTime()).toBe(new Date(site.created_at as string).getTime());
    }
    const { rows: versions } = await db.query(
      `SELECT slo, version, spec, ended_at FROM slo_spec_versions WHERE site_id = $1 ORDER BY slo`,
      [site.id],
    );
    expect(versions).toHaveLength(defaults.length);
    for (const v of versions) expect(v).toMatchObject({ version: 1, ended_at: null, spec: expect.any(Object) });
  }
}

describe("migration 0010 seeds the default SLOs of config/slos.ts for every existing site", () => {
  it("on embedded PGlite (PostgreSQL 18)", () => onPglite(check), 60_000);

  it.runIf(!inject("databaseEmbedded"))(
    "on the PostgreSQL server",
    () => onPostgres(inject("databaseUrl"), "vigil_test_migration_slos", check),
    60_000,
  );
});
