import { describe, expect, it } from "vitest";
import {
  bucketOf,
  histogramOf,
  mergeInto,
  percentile,
  percentiles,
  representative,
  totalCount,
  ZERO_BUCKET,
} from "./histogram";
import { lcg } from "@/tests/support/seeded-random";

/** Exact percentile_cont, as Postgres computes it. */
function percentileCont(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

const logNormal = (rand: () => number, median: number, sigma: number) => () => {
  const z = Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
  return median * Math.exp(sigma * z);
};

describe("log-bucket histogram", () => {
  it("puts every value within 1 % of its bucket representative", () => {
    for (const v of [0.0001, 0.001, 0.05, 0.1, 1, 99.9, 2500, 4000.01, 599_999]) {
      expect(Math.abs(representative(bucketOf(v)) - v) / v).toBeLessThan(0.01);
    }
  });

  it("keeps zero and sub-1e-4 values in the zero bucket, represented exactly as 0", () => {
    expect(bucketOf(0)).toBe(ZERO_BUCKET);
    expect(bucketOf(0.00009)).toBe(ZERO_BUCKET);
    expect(percentile(histogramOf([0, 0, 0]), 0.75)).toBe(0);
  });

  it.each([
    ["LCP-like", 2200, 0.6],
    ["INP-like", 150, 0.9],
    ["CLS-like", 0.05, 1.2],
  ])("stays within 1 %% of percentile_cont for p50–p99 on %s data", (_name, median, sigma) => {
    const gen = logNormal(lcg(42), median, sigma);
    const values = Array.from({ length: 20_000 }, gen);
    const h = histogramOf(values);
    expect(totalCount(h)).toBe(20_000);
    for (const p of [0.5, 0.75, 0.9, 0.95, 0.99]) {
      const exact = percentileCont(values, p);
      expect(Math.abs(percentile(h, p)! - exact) / exact).toBeLessThan(0.01);
    }
  });

  it("interpolates like percentile_cont on tiny samples", () => {
    const h = histogramOf([100, 200]);
    expect(percentile(h, 0.75)! / 175).toBeCloseTo(1, 1);
    expect(Math.abs(percentile(h, 0.75)! - 175) / 175).toBeLessThan(0.01);
    expect(Math.abs(percentile(histogramOf([1234]), 0.99)! - 1234) / 1234).toBeLessThan(0.01);
  });

  it("merging histograms equals the histogram of the union", () => {
    const gen = logNormal(lcg(7), 1800, 0.7);
    const a = Array.from({ length: 3000 }, gen);
    const b = Array.from({ length: 5000 }, gen);
    expect(mergeInto(histogramOf(a), histogramOf(b))).toEqual(histogramOf([...a, ...b]));
  });

  it("returns null percentiles for an empty histogram and clamps p", () => {
    expect(percentiles({}, [0.5, 0.75])).toEqual([null, null]);
    const h = histogramOf([10, 20, 30]);
    expect(percentile(h, 2)).toBe(percentile(h, 1));
    expect(percentile(h, -1)).toBe(percentile(h, 0));
  });
});
