import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadRequestsReport, loadRequestTotals } from "@/lib/requests/report";
import { readRequestCells } from "@/lib/requests/request-repository";
import { planRequestWindow } from "@/lib/requests/window";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { histogramOf } from "@/lib/vitals/histogram";
import { lcg } from "../support/seeded-random";

type Raw = { ts: Date; route: string; method: string; statusClass: number; ms: number };

/** Exact percentile_cont over the raw values: what the page must match within the histogram's ≈1 % bucket error. */
function percentileCont(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (rank - lo);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const floorTo = (ts: Date, size: number) => new Date(Math.floor(ts.getTime() / size) * size);

/** Writes both grains of Vigil's site, as every app instance does: one row per (grain, bucket, route, method, status class). */
async function insertRollups(raw: Raw[], grains: Array<"minute" | "hour"> = ["minute", "hour"]) {
  const cells = new Map<
    string,
    {
      grain: "minute" | "hour";
      bucketStart: Date;
      route: string;
      method: string;
      statusClass: number;
      values: number[];
    }
  >();
  for (const r of raw) {
    for (const grain of grains) {
      const bucketStart = floorTo(r.ts, grain === "minute" ? MINUTE : HOUR);
      const key = `${grain}|${bucketStart.getTime()}|${r.route}|${r.method}|${r.statusClass}`;
      const c = cells.get(key) ?? {
        grain,
        bucketStart,
        route: r.route,
        method: r.method,
        statusClass: r.statusClass,
        values: [],
      };
      c.values.push(r.ms);
      cells.set(key, c);
    }
  }
  const data = [...cells.values()].map(({ values, ...c }) => ({
    siteId: VIGIL_SITE_ID,
    ...c,
    count: values.length,
    durationSumMs: values.reduce((a, b) => a + b, 0),
    hist: histogramOf(values),
  }));
  for (let i = 0; i < data.length; i += 2000) await db.requestRollup.createMany({ data: data.slice(i, i + 2000) });
}

function expectNear(actual: number | null, exact: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - exact) / exact).toBeLessThan(0.01);
}

function expectFigures(
  shown: {
    requests: number;
    errors: number;
    errorRate: number | null;
    p50: number | null;
    p95: number | null;
    p99: number | null;
  },
  raw: Raw[],
) {
  const errors = raw.filter((r) => r.statusClass === 5).length;
  expect(shown.requests).toBe(raw.length);
  expect(shown.errors).toBe(errors);
  expect(shown.errorRate).toBe(errors / raw.length);
  const values = raw.map((r) => r.ms);
  expectNear(shown.p50, percentileCont(values, 0.5));
  expectNear(shown.p95, percentileCont(values, 0.95));
  expectNear(shown.p99, percentileCont(values, 0.99));
}

describe("request figures from request_rollups against exact computation on the raw values", () => {
  // A fixed instant no other test writes at, and routes unique to this run.
  const now = new Date("2025-03-14T15:27:40Z");
  const tag = randomUUID().slice(0, 8);
  const routes = [`/req/${tag}/a`, `/req/${tag}/b`, `/req/${tag}/[slug]`];
  const plan = planRequestWindow("24h", now);
  const rand = lcg(7);
  const raw: Raw[] = Array.from({ length: 5000 }, (_, i) => {
    const route = routes[i % 3]!;
    const z = Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
    const ms = Math.round((i % 3 === 0 ? 40 : i % 3 === 1 ? 220 : 9) * Math.exp(0.8 * z) * 100) / 100;
    const u = rand();
    const statusClass = u < (i % 3 === 1 ? 0.08 : 0.01) ? 5 : u < 0.15 ? 4 : u < 0.2 ? 3 : 2;
    // 26 hours back: about 2 hours of it falls before the 24 h window.
    return {
      ts: new Date(now.getTime() - Math.floor(rand() * 26 * HOUR)),
      route,
      method: i % 7 === 0 ? "POST" : "GET",
      statusClass,
      ms,
    };
  });
  // Edges: one slow 5xx in the minute just before the window, one request in the running minute.
  raw.push({ ts: new Date(plan.start.getTime() - 1), route: routes[0]!, method: "GET", statusClass: 5, ms: 90_000 });
  raw.push({ ts: new Date(now.getTime() - 1000), route: routes[0]!, method: "GET", statusClass: 2, ms: 12.5 });
  const inWindow = (p: { start: Date; end: Date }) => raw.filter((r) => r.ts >= p.start && r.ts < p.end);

  it("24 h (minute rows): totals, 5xx share, rate and percentiles; per-route rows; series sums", async () => {
    await insertRollups(raw);
    const report = await loadRequestsReport(VIGIL_SITE_ID, { window: "24h" }, now);
    expect(report.range.grain).toBe("minute");
    const expected = inWindow(plan);
    expect(expected.length).toBeLessThan(raw.length);
    expectFigures(report.totals, expected);
    expect(report.totals.perMinute).toBeCloseTo(expected.length / plan.elapsedMinutes, 10);
    expect(report.totals.meanMs).toBeCloseTo(expected.reduce((n, r) => n + r.ms, 0) / expected.length, 6);

    expect(report.routes.map((r) => r.route)).toEqual(
      [...routes].sort(
        (x, y) => expected.filter((r) => r.route === y).length - expected.filter((r) => r.route === x).length,
      ),
    );
    for (const row of report.routes) {
      const mine = expected.filter((r) => r.route === row.route);
      expectFigures(row, mine);
      expect(row.methods).toEqual([...new Set(mine.map((r) => r.method))].sort());
    }

    expect(report.series).toHaveLength(96);
    expect(report.series.reduce((n, p) => n + p.requests, 0)).toBe(expected.length);
    expect(report.series.at(-1)!.requests).toBeGreaterThan(0);
    expect(report.options.routes.sort()).toEqual([...routes].sort());
    expect(report.options.methods).toEqual(["GET", "POST"]);
  });

  it("excludes the row one minute before the window, which the window one minute earlier includes", async () => {
    const cells = await readRequestCells(VIGIL_SITE_ID, plan, { route: routes[0] });
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(inWindow(plan).filter((r) => r.route === routes[0]).length);
    const earlier = planRequestWindow("24h", new Date(now.getTime() - MINUTE));
    const before = await readRequestCells(VIGIL_SITE_ID, earlier, { route: routes[0], method: "GET" });
    const slow = before.filter((c) => c.statusClass === 5).reduce((n, c) => Math.max(n, c.durationSumMs), 0);
    expect(slow).toBeGreaterThanOrEqual(90_000);
  });

  it("filters by route and method", async () => {
    const report = await loadRequestsReport(VIGIL_SITE_ID, { window: "24h", route: routes[1], method: "POST" }, now);
    const expected = inWindow(plan).filter((r) => r.route === routes[1] && r.method === "POST");
    expectFigures(report.totals, expected);
    expect(report.routes).toHaveLength(1);
    expect(report.routes[0]!.methods).toEqual(["POST"]);
    expect(report.options.routes).toContain(routes[0]);
  });

  it("7 d reads hour rows, whole hours including the running one", async () => {
    const week = planRequestWindow("7d", now);
    const report = await loadRequestsReport(VIGIL_SITE_ID, { window: "7d" }, now);
    expect(report.range.grain).toBe("hour");
    expectFigures(report.totals, inWindow(week));
    expect(report.totals.requests).toBe(raw.length);
  });
});

describe("grain selection and empty windows", () => {
  const now = new Date("2025-05-02T09:10:11Z");
  const route = `/req/${randomUUID().slice(0, 8)}/grain`;

  it("24 h reads only minute rows and 7 d only hour rows", async () => {
    // Rows that exist in one grain only (as after minute-row retention) reveal which grain each window read.
    await insertRollups(
      [1, 2, 3].map((ms) => ({ ts: new Date(now.getTime() - 30 * MINUTE), route, method: "GET", statusClass: 2, ms })),
      ["minute"],
    );
    await insertRollups(
      Array.from({ length: 7 }, (_, i) => ({
        ts: new Date(now.getTime() - 3 * 24 * HOUR),
        route,
        method: "GET",
        statusClass: 5,
        ms: 100 + i,
      })),
      ["hour"],
    );
    const day = await loadRequestsReport(VIGIL_SITE_ID, { window: "24h", route }, now);
    expect(day.totals).toMatchObject({ requests: 3, errors: 0, errorRate: 0 });
    const week = await loadRequestsReport(VIGIL_SITE_ID, { window: "7d", route }, now);
    expect(week.totals).toMatchObject({ requests: 7, errors: 7, errorRate: 1 });
    expect((await loadRequestsReport(VIGIL_SITE_ID, { window: "1h", route }, now)).totals.requests).toBe(3);
  });

  it("a window without traffic reports zeros and nulls, never NaN or a division by zero", async () => {
    const quiet = new Date("2024-01-01T00:00:00Z");
    const report = await loadRequestsReport(VIGIL_SITE_ID, { window: "1h" }, quiet);
    expect(report.totals).toEqual({
      requests: 0,
      errors: 0,
      perMinute: 0,
      errorRate: null,
      meanMs: null,
      p50: null,
      p95: null,
      p99: null,
    });
    expect(report.routes).toEqual([]);
    expect(report.routeCount).toBe(0);
    expect(report.series).toHaveLength(60);
    expect(report.series.every((p) => p.requests === 0 && p.errorRate === null && p.p95 === null)).toBe(true);
    expect(JSON.stringify(report)).not.toContain("NaN");
    expect(await loadRequestTotals(VIGIL_SITE_ID, "24h", quiet)).toMatchObject({
      requests: 0,
      errorRate: null,
      p95: null,
    });
    expect(
      (await loadRequestsReport(VIGIL_SITE_ID, { window: "24h", route: "/no/such/route" }, now)).totals.requests,
    ).toBe(0);
  });
});
