import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadAllSites, loadSiteFigures } from "@/lib/overview/all-sites";
import { loadRequestTotals } from "@/lib/requests/report";
import { loadSiteSettings } from "@/lib/sites/site-views";
import { createSite, deleteSite, rotateSiteSecret } from "@/lib/sites/sites";
import { loadUptimeSummary } from "@/lib/uptime/uptime-report";
import { histogramOf } from "@/lib/vitals/histogram";

// The console per site (issue #12): the all-sites figures are each site's own Overview figures, no site sees
// another's rows, admins' views carry a key's hint and never the key, and a delete needs the slug typed.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const floorTo = (t: number, size: number) => new Date(Math.floor(t / size) * size);
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** `n` requests a minute for the last `minutes` (every `errorEvery`-th minute with 5xx), in both grains. */
async function seedRequests(siteId: number, route: string, { minutes, n, ms, errorEvery }: Record<string, number>) {
  const cells = new Map<
    string,
    { grain: "minute" | "hour"; bucketStart: Date; statusClass: number; values: number[] }
  >();
  const now = Date.now();
  for (let k = 1; k <= minutes!; k++) {
    const t = now - k * MINUTE;
    const statusClass = k % errorEvery! === 0 ? 5 : 2;
    for (const grain of ["minute", "hour"] as const) {
      const bucketStart = floorTo(t, grain === "minute" ? MINUTE : HOUR);
      const key = `${grain}|${bucketStart.getTime()}|${statusClass}`;
      const cell = cells.get(key) ?? { grain, bucketStart, statusClass, values: [] };
      for (let i = 0; i < n!; i++) cell.values.push(ms! + (i % 7) * 3 + k);
      cells.set(key, cell);
    }
  }
  await db.requestRollup.createMany({
    data: [...cells.values()].map(({ values, ...c }) => ({
      ...c,
      siteId,
      route,
      method: "GET",
      count: values.length,
      durationSumMs: values.reduce((a, b) => a + b, 0),
      hist: histogramOf(values),
    })),
  });
}

describe("sites in the console", () => {
  it("shows every site with its own Overview figures, and neither site's rows in the other's", async () => {
    const tag = randomUUID().slice(0, 8);
    const a = await createSite({ name: `A ${tag}`, slug: `a-${tag}`, allowedOrigins: ["https://a.example"] });
    const b = await createSite({ name: `B ${tag}`, slug: `b-${tag}`, allowedOrigins: [] });
    // The same route on both sites, different traffic: 150 minutes spans whole hours and partial ones at both ends.
    await seedRequests(a.site.id, "/api/items/[id]", { minutes: 150, n: 20, ms: 40, errorEvery: 10 });
    await seedRequests(b.site.id, "/api/items/[id]", { minutes: 90, n: 5, ms: 400, errorEvery: 1000 });
    const monitor = await db.monitor.create({
      data: {
        siteId: b.site.id,
        slug: "home",
        name: "B home",
        kind: "http",
        url: "https://b.example/",
        nextCheckAt: new Date("2100-01-01"),
      },
    });
    await db.probeResult.createMany({
      data: Array.from({ length: 40 }, (_, k) => ({
        siteId: b.site.id,
        monitorId: monitor.id,
        ts: new Date(Date.now() - (k + 1) * 5 * MINUTE),
        ok: k !== 3,
      })),
    });

    for (const { site } of [a, b]) {
      const figures = await loadSiteFigures(site.id);
      const totals = await loadRequestTotals(site.id, "24h");
      expect(figures.requests24h).toEqual({
        requests: totals.requests,
        errors: totals.errors,
        errorRate: totals.errorRate,
        p95: totals.p95,
      });
      expect(figures.uptime30d).toEqual(await loadUptimeSummary(site.id));
    }
    const [figA, figB] = [await loadSiteFigures(a.site.id), await loadSiteFigures(b.site.id)];
    expect(figA.requests24h).toMatchObject({ requests: 150 * 20, errors: 15 * 20 });
    expect(figB.requests24h).toMatchObject({ requests: 90 * 5, errors: 0 });
    expect(figA.uptime30d).toBeNull();
    expect(figB.uptime30d?.worst).toMatchObject({ name: "B home", ok: 39, total: 40 });

    const all = await loadAllSites();
    expect(all.sites.map((s) => s.slug)).toEqual(expect.arrayContaining(["vigil", a.site.slug, b.site.slug]));
    expect(all.sites.find((s) => s.slug === b.site.slug)).toMatchObject({ name: `B ${tag}`, ...figB });
    expect(JSON.stringify(all)).not.toMatch(/secret|sk_/i);
  });

  it("shows admins a key's hint only, rotates it, and deletes a site and its rows only when its slug is typed", async () => {
    const tag = randomUUID().slice(0, 8);
    const { site, secretKey } = await createSite({ name: `C ${tag}`, slug: `c-${tag}`, allowedOrigins: [] });
    const view = (await loadSiteSettings()).find((s) => s.id === site.id)!;
    expect(view.secretHint).toBe(`sk_…${secretKey.slice(-4)}`);
    expect(JSON.stringify(view)).not.toContain(secretKey);
    expect(JSON.stringify(view)).not.toContain(sha256(secretKey));
    expect(view.snippets.scriptTag).toContain(`data-site="${site.publicKey}"`);

    const rotated = await rotateSiteSecret(site.id);
    expect(rotated.secretKey).not.toBe(secretKey);
    expect((await db.site.findUniqueOrThrow({ where: { id: site.id } })).secretHash).toBe(sha256(rotated.secretKey));

    await seedRequests(site.id, "/", { minutes: 5, n: 1, ms: 10, errorEvery: 1000 });
    const refused = await deleteSite(site.id, `c-${tag}x`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).details).toEqual([{ path: "confirm", message: expect.stringContaining(`c-${tag}`) }]);
    expect(await db.site.count({ where: { id: site.id } })).toBe(1);
    await deleteSite(site.id, ` c-${tag} `);
    expect(await db.site.count({ where: { id: site.id } })).toBe(0);
    expect(await db.requestRollup.count({ where: { siteId: site.id } })).toBe(0);
    await expect(deleteSite(1, "vigil")).rejects.toThrow("cannot be deleted");
  });
});
