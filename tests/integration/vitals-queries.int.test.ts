import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { byRoute, summaryByMetric } from "@/lib/vitals/read-model";
import { readWindowRollups } from "@/lib/vitals/rollup-repository";
import { insertVitalsBatch, pruneVitals, type VitalRow } from "@/lib/vitals/vitals-repository";
import { rate } from "@/lib/vitals/metrics";
import { planWindow } from "@/lib/vitals/window";
import { lcg } from "../support/seeded-random";

// A device label unique to this test file keeps its rows apart from other tests' rows in the shared database.
const device = "tablet" as const;
const tag = randomUUID().slice(0, 8);
const routes = [`/q/${tag}/a`, `/q/${tag}/b`, `/q/${tag}/[slug]`];
const now = new Date("2026-11-20T15:40:00Z");

function seedRows(): VitalRow[] {
  const rand = lcg(99);
  const rows: VitalRow[] = [];
  for (let i = 0; i < 6000; i++) {
    const route = routes[i % routes.length]!;
    const median = route.endsWith("a") ? 1800 : route.endsWith("b") ? 3200 : 2500;
    const z = Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
    const value = Math.round(median * Math.exp(0.5 * z) * 10) / 10;
    const ts = new Date(now.getTime() - Math.floor(rand() * 9 * 24 * 3600_000));
    rows.push({
      ts,
      metric: "LCP",
      value,
      rating: rate("LCP", value),
      route,
      device,
      browser: "Chrome",
      country: null,
      navigationType: "navigate",
      connection: null,
      pageViewId: `pv${i}`,
      metricId: `m${i}`,
      attributionTarget: null,
      attributionType: null,
    });
  }
  return rows;
}

describe("percentiles from rollups against percentile_cont on the raw rows", () => {
  it("are within 2 % for every route and percentile over a 7-day window, with exact counts", async () => {
    const rows = seedRows();
    for (let i = 0; i < rows.length; i += 1000) await insertVitalsBatch(rows.slice(i, i + 1000));
    const plan = planWindow(new Date(now.getTime() - 7 * 24 * 3600_000), now);
    const rollups = (await readWindowRollups(plan, { metric: "LCP", device }, { perRoute: true })).filter((r) =>
      r.route.startsWith(`/q/${tag}/`),
    );

    for (const p of [0.5, 0.75, 0.9, 0.95, 0.99]) {
      const exact = await db.$queryRaw<Array<{ route: string; v: number; n: number }>>`
        SELECT route, percentile_cont(${p}::float8) WITHIN GROUP (ORDER BY value) AS v, count(*)::int AS n
        FROM vitals WHERE metric = 'LCP' AND device = 'tablet' AND route LIKE ${`/q/${tag}/%`}
          AND ts >= ${plan.start} AND ts < ${plan.end}
        GROUP BY route`;
      const approx = new Map(byRoute(rollups, "LCP", p).map((r) => [r.route, r]));
      expect(exact).toHaveLength(3);
      for (const e of exact) {
        const a = approx.get(e.route)!;
        expect(a.count).toBe(e.n);
        expect(Math.abs(a.value! - e.v) / e.v).toBeLessThan(0.02);
      }
      const [all] = await db.$queryRaw<Array<{ v: number; n: number }>>`
        SELECT percentile_cont(${p}::float8) WITHIN GROUP (ORDER BY value) AS v, count(*)::int AS n
        FROM vitals WHERE metric = 'LCP' AND device = 'tablet' AND route LIKE ${`/q/${tag}/%`} AND ts >= ${plan.start} AND ts < ${plan.end}`;
      const summary = summaryByMetric(rollups, p).LCP;
      expect(summary.count).toBe(all!.n);
      expect(Math.abs(summary.value! - all!.v) / all!.v).toBeLessThan(0.02);
    }
  });

  it("prunes raw rows older than the cut-off in chunks and leaves rollups alone", async () => {
    const route = `/prune/${randomUUID().slice(0, 8)}`;
    const old = new Date("2020-01-01T00:00:00Z");
    const base = {
      metric: "CLS" as const,
      value: 0.01,
      rating: "good" as const,
      route,
      device: "desktop" as const,
      browser: null,
      country: null,
      navigationType: null,
      connection: null,
      pageViewId: `pv-${route}`,
      attributionTarget: null,
      attributionType: null,
    };
    await insertVitalsBatch([
      ...Array.from({ length: 25 }, (_, i) => ({ ...base, ts: old, metricId: `o${i}` })),
      { ...base, ts: new Date(), metricId: "fresh" },
    ]);
    const deleted = await pruneVitals(new Date("2021-01-01T00:00:00Z"), 10);
    expect(deleted).toBeGreaterThanOrEqual(25);
    expect(await db.vital.count({ where: { route } })).toBe(1);
    const rollup = await db.vitalRollup.aggregate({
      where: { route, grain: "day", device: "all" },
      _sum: { count: true },
    });
    expect(rollup._sum.count).toBe(26);
  });

  it("keeps exact counts when batches from several writers (app instances) hit the same new rollup rows at once", async () => {
    for (let round = 0; round < 5; round++) {
      const route = `/concurrent/${randomUUID().slice(0, 8)}`;
      // Each sample has its own page view: samples sharing (page view, metric, id) are replays of one another.
      const base = {
        rating: "good" as const,
        route,
        device: "desktop" as const,
        browser: null,
        country: null,
        navigationType: null,
        connection: null,
        pageViewId: `pv-${route}`,
        attributionTarget: null,
        attributionType: null,
      };
      const batches = Array.from({ length: 8 }, (_, b) =>
        Array.from({ length: 25 }, (_, i) => ({
          ...base,
          ts: new Date(),
          metric: (["LCP", "INP", "CLS", "FCP", "TTFB"] as const)[i % 5]!,
          value: 100 + b * 25 + i,
          metricId: `m${b}-${i}`,
        })),
      );
      await Promise.all(batches.map((rows) => insertVitalsBatch(rows)));
      expect(await db.vital.count({ where: { route } })).toBe(200);
      const rollup = await db.vitalRollup.aggregate({
        where: { route, grain: "day", device: "all" },
        _sum: { count: true },
      });
      expect(rollup._sum.count).toBe(200);
    }
  });
});
