import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { SiteInput, VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { createSite } from "@/lib/sites/sites";
import { loadSloReport } from "@/lib/slo/report";
import { addSloEvents } from "@/lib/slo/slo-event-repository";
import { defaultSloSpecs } from "@/lib/slo/slo-defaults";
import {
  activeSlos,
  createSlo,
  deleteSlo,
  getStoredSlo,
  listStoredSlos,
  setSloPausedState,
  sloVersions,
  updateSlo,
} from "@/lib/slo/slo-store";

const tag = randomUUID().slice(0, 8);
const newSite = async (name: string) =>
  (await createSite(SiteInput.parse({ name, slug: `${name.toLowerCase()}-${tag}`, allowedOrigins: "" }))).site;
const custom = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: "Checkout",
  kind: "custom",
  objective: 0.99,
  owner: "shop",
  ...extra,
});
async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("SLO store", () => {
  it("seeds a new site with the defaults of config/slos.ts, in the transaction that creates it", async () => {
    const site = await newSite("Seeded");
    expect((await listStoredSlos(site.id)).map((s) => s.spec)).toEqual(defaultSloSpecs());
    expect((await listStoredSlos(site.id)).every((s) => s.version === 1 && s.since === null && !s.paused)).toBe(true);
  });

  it("refuses bad specs naming the field, and stores nothing", async () => {
    const site = await newSite("Refusals");
    const count = () => db.sloSpecRow.count({ where: { siteId: site.id } });
    const n = await count();
    for (const [input, field] of [
      [custom("bad-1", { objective: 1 }), "objective"],
      [custom("bad-2", { objective: 0.2 }), "objective"],
      [custom("bad-3", { window: "90d" }), "window"],
      [custom("Bad Id"), "id"],
      [custom("bad-4", { alerting: { minEvents: -1 } }), "minEvents"],
      [{ ...custom("bad-5"), kind: "latency", thresholdMs: 0 }, "thresholdMs"],
      [{ ...custom("bad-6"), kind: "latency" }, "thresholdMs"],
      [custom("bad-7", { name: "" }), "name"],
    ] as const) {
      const err = await refusal(createSlo(site.id, input));
      expect(err.code).toBe("validation_failed");
      expect((err.details as { path: string }[]).map((d) => d.path)).toContain(field);
    }
    const dup = await refusal(createSlo(site.id, { ...custom("uptime") }));
    expect(dup.details).toEqual([{ path: "id", message: expect.stringContaining("already has") }]);
    expect(await count()).toBe(n);
  });

  it("versions: objective or SLI changes start a new version and keep the old; labels edit in place", async () => {
    const site = await newSite("Versions");
    const t0 = new Date("2026-12-01T10:00:00Z");
    await createSlo(site.id, custom("orders"), t0);
    const renamed = await updateSlo(
      site.id,
      "orders",
      custom("orders", { name: "Orders" }),
      new Date(t0.getTime() + 1000),
    );
    expect(renamed.newVersion).toBe(false);
    expect(renamed.slo).toMatchObject({ version: 1, since: null, spec: { name: "Orders" } });

    const t1 = new Date("2026-12-02T10:00:00Z");
    const tightened = await updateSlo(site.id, "orders", custom("orders", { name: "Orders", objective: 0.995 }), t1);
    expect(tightened.newVersion).toBe(true);
    expect(tightened.slo).toMatchObject({ version: 2, since: t1, spec: { objective: 0.995 } });
    const t2 = new Date("2026-12-03T10:00:00Z");
    expect(
      (await updateSlo(site.id, "orders", custom("orders", { objective: 0.995, window: "7d" }), t2)).slo.version,
    ).toBe(3);
    const versions = await sloVersions(site.id, "orders");
    expect(
      versions.map((v) => [v.version, (v.spec as { objective: number }).objective, v.startedAt, v.endedAt]),
    ).toEqual([
      [3, 0.995, t2, null],
      [2, 0.995, t1, t2],
      [1, 0.99, t0, t1],
    ]);
    // The id keys alerts: it cannot change.
    expect((await refusal(updateSlo(site.id, "orders", custom("orders-2")))).details).toEqual([
      { path: "id", message: expect.any(String) },
    ]);
    expect((await refusal(updateSlo(site.id, "nope", custom("nope")))).code).toBe("not_found");
  });

  it("pause, resume and delete apply to the next read: no process cache hides an edit", async () => {
    const site = await newSite("Lifecycle");
    await createSlo(site.id, custom("jobs"));
    const ids = async () => (await loadSloReport(site.id)).slos.map((s) => s.id);
    expect(await ids()).toContain("jobs");
    await updateSlo(site.id, "jobs", custom("jobs", { name: "Background jobs" }));
    expect((await loadSloReport(site.id)).slos.find((s) => s.id === "jobs")?.name).toBe("Background jobs");
    await setSloPausedState(site.id, "jobs", true);
    expect(await ids()).not.toContain("jobs");
    expect((await activeSlos(site.id)).map((s) => s.spec.id)).not.toContain("jobs");
    expect((await getStoredSlo(site.id, "jobs"))?.paused).toBe(true);
    await setSloPausedState(site.id, "jobs", false);
    expect(await ids()).toContain("jobs");
    await deleteSlo(site.id, "jobs");
    expect(await ids()).not.toContain("jobs");
    expect(await db.sloSpecVersion.count({ where: { siteId: site.id, slo: "jobs" } })).toBe(0);
    expect((await refusal(deleteSlo(site.id, "jobs"))).code).toBe("not_found");
  });

  it("budgets of a new version count from its start; the report says which version it shows", async () => {
    const site = await newSite("Budgets");
    const t0 = new Date("2026-12-01T00:00:00Z");
    await createSlo(site.id, custom("pay"), t0);
    // 100 bad of 1000 under version 1, then the objective changes, then 2 bad of 500.
    await addSloEvents(site.id, "pay", { good: 900, total: 1000 }, new Date("2026-12-02T10:00:00Z"));
    const t1 = new Date("2026-12-02T11:00:00Z");
    await updateSlo(site.id, "pay", custom("pay", { objective: 0.99, window: "7d" }), t1);
    await addSloEvents(site.id, "pay", { good: 298, total: 300 }, new Date("2026-12-02T11:30:00Z"));
    await addSloEvents(site.id, "pay", { good: 200, total: 200 }, new Date("2026-12-02T11:50:00Z"));
    const now = new Date("2026-12-02T12:00:00Z");
    const item = (await loadSloReport(site.id, undefined, now)).slos.find((s) => s.id === "pay")!;
    expect(item).toMatchObject({
      version: 2,
      versionSince: t1.toISOString(),
      versionLabel: "v2 since 2026-12-02 11:00 UTC",
    });
    expect(item.events).toEqual({ good: 498, total: 500 });
    expect(item.budget.remainingRatio).toBeCloseTo(0.6, 9);
    // Version 1 would have counted everything: 102 bad of 1500 with 15 allowed.
    const v1 = (await loadSloReport(site.id, [(await getStoredSlo(site.id, "pay"))!.spec], now)).slos[0]!;
    expect(v1.events).toEqual({ good: 1398, total: 1500 });
  });

  it("keeps each site's SLOs to itself", async () => {
    const a = await newSite("Alpha");
    await createSlo(a.id, custom("alpha-only"));
    expect((await listStoredSlos(VIGIL_SITE_ID)).map((s) => s.spec.id)).not.toContain("alpha-only");
    expect((await refusal(deleteSlo(VIGIL_SITE_ID, "alpha-only"))).code).toBe("not_found");
  });
});
