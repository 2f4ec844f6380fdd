import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { byRoute, summaryByMetric } from "@/lib/vitals/read-model";
import { readWindowRollups } from "@/lib/vitals/rollup-repository";
import { dropVitalPartitionsBefore, insertVitalsBatch, type VitalRow } from "@/lib/vitals/vitals-repository";
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
      siteId: VIGIL_SITE_ID,
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
    const rollups = (
      await readWindowRollups(VIGIL_SITE_ID, plan, { metric: "LCP", device }, { perRoute: true })
    ).filter((r) => r.route.startsWith(`/q/${tag}/`));

    for (const p of [0.5, 0.75, 0.9, 0.95, 0.99]) {
      const exact = await db.$queryRaw<Array<{ route: string; v: number; n: number }>>`
        SELECT route, percentile_cont(${p}::float8) WITHIN GROUP (ORDER BY value) AS v, count(*)::int AS n
        FROM vitals WHERE site_id = ${VIGIL_SITE_ID} AND metric = 'LCP' AND device = 'tablet' AND route LIKE ${`/q/${tag}/%`}
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
        FROM vitals WHERE site_id = ${VIGIL_SITE_ID} AND metric = 'LCP' AND device = 'tablet' AND route LIKE ${`/q/${tag}/%`} AND ts >= ${plan.start} AND ts < ${plan.end}`;
      const summary = summaryByMetric(rollups, p).LCP;
      expect(summary.count).toBe(all!.n);
      expect(Math.abs(summary.value! - all!.v) / all!.v).toBeLessThan(0.02);
    }
  });

  it("drops the day partitions before the cut-off whole: their rows go, later days and the rollups stay", async () => {
    // Days no other test writes: 1995-03-01 … 1995-03-04, five samples each; the cut-off is 1995-03-03.
    const route = `/prune/${randomUUID().slice(0, 8)}`;
    const days = ["1995-03-01", "1995-03-02", "1995-03-03", "1995-03-04"];
    const sample = (day: string, i: number): VitalRow => ({
      siteId: VIGIL_SITE_ID,
      ts: new Date(`${day}T12:00:00Z`),
      metric: "CLS",
      value: 0.01,
      rating: "good",
      route,
      device: "desktop",
      browser: null,
      country: null,
      navigationType: null,
      connection: null,
      pageViewId: `pv-${route}-${day}`,
      metricId: `m${i}`,
      attributionTarget: null,
      attributionType: null,
    });
    await insertVitalsBatch(days.flatMap((day) => Array.from({ length: 5 }, (_, i) => sample(day, i))));
    const partitions = async () =>
      (
        await pgPool().query<{ name: string }>(
          `SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'vitals'::regclass AND c.relname::text LIKE 'vitals_p199503%' ORDER BY 1`,
        )
      ).rows.map((r) => r.name);
    const rowsPerDay = async () =>
      (
        await pgPool().query<{ day: string; n: number }>(
          "SELECT day::text AS day, count(*)::int AS n FROM vitals WHERE route = $1 GROUP BY day ORDER BY day",
          [route],
        )
      ).rows;
    expect(await partitions()).toEqual([
      "vitals_p19950301",
      "vitals_p19950302",
      "vitals_p19950303",
      "vitals_p19950304",
    ]);

    const dropped = await dropVitalPartitionsBefore("1995-03-03");
    expect(dropped.filter((d) => d.startsWith("1995-03"))).toEqual(["1995-03-01", "1995-03-02"]);
    expect(dropped.every((d) => d < "1995-03-03")).toBe(true);
    expect(await partitions()).toEqual(["vitals_p19950303", "vitals_p19950304"]);
    expect(await rowsPerDay()).toEqual([
      { day: "1995-03-03", n: 5 },
      { day: "1995-03-04", n: 5 },
    ]);
    const rollup = await db.vitalRollup.aggregate({
      where: { siteId: VIGIL_SITE_ID, route, grain: "day", device: "all" },
      _sum: { count: true },
    });
    expect(rollup._sum.count).toBe(20);

    // This process saw 1995-03-01's partition: a late write for that day makes it again instead of failing.
    await insertVitalsBatch([sample("1995-03-01", 9)]);
    expect(await partitions()).toEqual(["vitals_p19950301", "vitals_p19950303", "vitals_p19950304"]);
    expect((await rowsPerDay())[0]).toEqual({ day: "1995-03-01", n: 1 });
  });

  it("keeps exact counts when batches from several writers (app instances) hit the same new rollup rows at once", async () => {
    for (let round = 0; round < 5; round++) {
      const route = `/concurrent/${randomUUID().slice(0, 8)}`;
      // Each sample has its own page view: samples sharing (page view, metric, id) are replays of one another.
      const base = {
        siteId: VIGIL_SITE_ID,
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
