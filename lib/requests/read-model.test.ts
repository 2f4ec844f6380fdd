import { describe, expect, it } from "vitest";
import { histogramOf } from "@/lib/vitals/histogram";
import { byRoute, seriesOf, totalsOf, type RequestCell } from "./read-model";

const cell = (route: string, method: string, statusClass: number, values: number[]): RequestCell => ({
  route,
  method,
  statusClass,
  count: values.length,
  durationSumMs: values.reduce((a, b) => a + b, 0),
  hist: histogramOf(values),
});

const near = (actual: number | null, exact: number) => expect(Math.abs(actual! - exact) / exact).toBeLessThan(0.01);

describe("request read model", () => {
  const cells = [
    cell("/a", "GET", 2, [10, 20, 30, 40]),
    cell("/a", "POST", 5, [100]),
    cell("/b", "GET", 2, [5, 5]),
    cell("/b", "GET", 4, [7]),
  ];

  it("totals: counts, 5xx share (4xx is not an error), rate per minute, percentiles of all requests", () => {
    const t = totalsOf(cells, 2);
    expect(t).toMatchObject({ requests: 8, errors: 1, perMinute: 4, errorRate: 1 / 8 });
    expect(t.meanMs).toBeCloseTo(217 / 8);
    near(t.p50, 15); // sorted 5 5 7 10 20 30 40 100: rank 3.5 → (10 + 20) / 2
    near(t.p99, 40 + (100 - 40) * 0.93);
  });

  it("per route: methods merged, busiest first", () => {
    const rows = byRoute(cells, 1);
    expect(rows.map((r) => [r.route, r.methods, r.requests, r.errors])).toEqual([
      ["/a", ["GET", "POST"], 5, 1],
      ["/b", ["GET"], 3, 0],
    ]);
    expect(rows[1]!.errorRate).toBe(0);
    near(rows[0]!.p95, 40 + 60 * 0.8);
  });

  it("no traffic: zeros and nulls, never NaN", () => {
    const t = totalsOf([], 60);
    expect(t).toEqual({
      requests: 0,
      errors: 0,
      perMinute: 0,
      errorRate: null,
      meanMs: null,
      p50: null,
      p95: null,
      p99: null,
    });
    expect(byRoute([], 60)).toEqual([]);
    expect(totalsOf(cells, 0).perMinute).toBe(0);
  });

  it("series: every step present, rates over the elapsed part of the running step", () => {
    const start = new Date("2026-11-23T12:00:00Z");
    const end = new Date("2026-11-23T12:03:00Z");
    const now = new Date("2026-11-23T12:02:30Z");
    const points = seriesOf(
      [
        { t: start, count: 10, errors: 1, hist: histogramOf([1, 2, 3]) },
        { t: new Date("2026-11-23T12:02:00Z"), count: 3, errors: 0, hist: histogramOf([50]) },
      ],
      { start, end, now, stepMinutes: 1 },
    );
    expect(points.map((p) => [p.requests, p.perMinute, p.errorRate])).toEqual([
      [10, 10, 0.1],
      [0, 0, null],
      [3, 6, 0],
    ]);
    expect(points[1]!.p95).toBeNull();
    near(points[2]!.p95, 50);
  });
});
