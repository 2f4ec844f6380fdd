import { describe, expect, it } from "vitest";
import { countAtOrBelow } from "@/lib/slo/latency";
import { percentile, representative, totalCount, ZERO_BUCKET } from "@/lib/vitals/histogram";
import { lcg } from "@/tests/support/seeded-random";
import { histogramOfPoint } from "./placement";
import type { ExplicitBuckets, ExponentialBuckets, HistogramPoint } from "./points";

const point = (buckets: ExplicitBuckets | ExponentialBuckets, over: Partial<HistogramPoint> = {}): HistogramPoint => {
  const count =
    buckets.kind === "explicit"
      ? buckets.counts.reduce((a, b) => a + b, 0)
      : buckets.zeroCount + [...buckets.positive.counts, ...buckets.negative.counts].reduce((a, b) => a + b, 0);
  return { startTimeUnixNano: 0n, timeUnixNano: 1n, count, sum: null, min: null, max: null, buckets, ...over };
};
const explicit = (bounds: number[], counts: number[]): ExplicitBuckets => ({ kind: "explicit", bounds, counts });
const keysOf = (h: Record<string, number>) =>
  Object.keys(h)
    .filter((k) => k !== ZERO_BUCKET)
    .map(Number);

describe("explicit buckets → log buckets", () => {
  const bounds = [5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

  it("conserves every count exactly, small and huge", () => {
    const rand = lcg(11);
    for (let trial = 0; trial < 200; trial++) {
      const counts = bounds.map(() => Math.floor(rand() ** 3 * 1000)).concat([Math.floor(rand() * 3)]);
      if (trial === 0) counts[3] = 2 ** 52 + 1;
      const h = histogramOfPoint(point(explicit(bounds, counts)), 1);
      expect(totalCount(h)).toBe(counts.reduce((a, b) => a + b, 0));
    }
  });

  it("keeps the count at or under every sender bound exact (latency SLO thresholds on a bound)", () => {
    const counts = [3, 5, 40, 120, 300, 250, 900, 400, 60, 20, 9, 4, 2, 1, 1];
    const h = histogramOfPoint(point(explicit(bounds, counts)), 1);
    let below = 0;
    bounds.forEach((b, i) => {
      below += counts[i]!;
      expect(countAtOrBelow(h, b)).toBe(below);
    });
  });

  it("puts a single value on the geometric midpoint of its bucket, and spreads many in log space", () => {
    const one = histogramOfPoint(point(explicit([100, 400], [0, 1, 0])), 1);
    expect(representative(keysOf(one)[0]!.toString())).toBeCloseTo(200, -1);
    const many = histogramOfPoint(point(explicit([100, 400], [0, 7000, 0])), 1);
    const keys = keysOf(many);
    expect(keys.length).toBe(
      Math.floor(Math.log(400) / Math.log(1.02)) - Math.floor(Math.log(100) / Math.log(1.02)) - 1,
    );
    expect(Math.max(...Object.values(many)) - Math.min(...Object.values(many))).toBeLessThanOrEqual(1);
    expect(percentile(many, 0.5)!).toBeCloseTo(200, -1);
  });

  it("puts open-ended buckets next to their one bound, inside the bucket", () => {
    const h = histogramOfPoint(point(explicit([10, 20], [4, 0, 6])), 1);
    expect(countAtOrBelow(h, 10)).toBe(4);
    const reps = keysOf(h).map((k) => representative(String(k)));
    expect(Math.min(...reps)).toBeGreaterThan(9.5);
    expect(Math.max(...reps)).toBeLessThan(20.8);
    expect(Math.max(...reps)).toBeGreaterThan(20);
  });

  it("tightens the first and the overflow bucket with the point's min and max", () => {
    const h = histogramOfPoint(point(explicit([10, 20], [4, 0, 6]), { min: 2, max: 80 }), 1);
    expect(Math.abs(percentile(h, 0)! / 2 - 1)).toBeLessThan(0.01);
    expect(Math.abs(percentile(h, 1)! / 80 - 1)).toBeLessThan(0.01);
    expect(countAtOrBelow(h, 10)).toBe(4);
  });

  it("ignores a min or max that contradicts the buckets", () => {
    const h = histogramOfPoint(point(explicit([10, 20], [0, 5, 0]), { min: 25, max: 1 }), 1);
    expect(countAtOrBelow(h, 10)).toBe(0);
    expect(countAtOrBelow(h, 20)).toBe(5);
  });

  it("converts units: seconds to milliseconds", () => {
    const h = histogramOfPoint(point(explicit([0.1, 0.4], [0, 1, 0])), 1000);
    expect(percentile(h, 0.5)!).toBeCloseTo(200, -1);
  });

  it("places a point without buckets at its mean, or between its min and max", () => {
    const none = explicit([], []);
    expect(percentile(histogramOfPoint(point(none, { count: 4, sum: 2 }), 1000), 0.5)!).toBeCloseTo(500, -1);
    const h = histogramOfPoint(point(none, { count: 4, sum: 2, min: 0.1, max: 0.9 }), 1000);
    expect(totalCount(h)).toBe(4);
    expect(Math.abs(percentile(h, 1)! / 900 - 1)).toBeLessThan(0.01);
    expect(Math.abs(percentile(h, 0)! / 100 - 1)).toBeLessThan(0.01);
  });

  it("sends durations at or under zero to the zero bucket", () => {
    expect(histogramOfPoint(point(explicit([0, 10], [3, 0, 0])), 1)).toEqual({ [ZERO_BUCKET]: 3 });
  });

  it("bounds the work and the histogram size for absurd bounds", () => {
    const started = performance.now();
    const h = histogramOfPoint(point(explicit([1e-300, 1e300], [5, 1e9, 5])), 1);
    expect(performance.now() - started).toBeLessThan(50);
    expect(Object.keys(h).length).toBeLessThanOrEqual(258);
    expect(totalCount(h)).toBe(1e9 + 10);
  });
});

describe("exponential buckets → log buckets", () => {
  const exp = (scale: number, offset: number, counts: number[], zeroCount = 0, negative: number[] = []) =>
    ({
      kind: "exponential",
      scale,
      zeroCount,
      zeroThreshold: 0,
      positive: { offset, counts },
      negative: { offset: 0, counts: negative },
    }) as ExponentialBuckets;

  it("maps a narrow bucket (scale ≥ 5) to the log bucket of its geometric midpoint", () => {
    const scale = 6;
    const index = 400; // (2^(400/64), 2^(401/64)] ms
    const h = histogramOfPoint(point(exp(scale, index, [7])), 1);
    const mid = 2 ** ((index + 0.5) / 2 ** scale);
    expect(keysOf(h)).toHaveLength(1);
    expect(Math.abs(representative(String(keysOf(h)[0])) / mid - 1)).toBeLessThan(0.011);
  });

  it("spreads a wide bucket (scale < 5) inside its range and conserves counts", () => {
    const h = histogramOfPoint(point(exp(1, 10, [1000, 0, 3])), 1);
    expect(totalCount(h)).toBe(1003);
    expect(countAtOrBelow(h, 2 ** 5)).toBe(0);
    expect(countAtOrBelow(h, 2 ** 5.5)).toBe(1000);
  });

  it("counts zero and negative buckets in the zero bucket", () => {
    const h = histogramOfPoint(point(exp(3, 0, [1], 4, [2, 2])), 1);
    expect(h[ZERO_BUCKET]).toBe(8);
    expect(totalCount(h)).toBe(9);
  });

  it("places a zero bucket with a threshold just under it", () => {
    const b = { ...exp(3, 0, [], 5), zeroThreshold: 0.002 };
    const h = histogramOfPoint(point(b), 1000);
    expect(percentile(h, 0.5)!).toBeGreaterThan(1.9);
    expect(percentile(h, 0.5)!).toBeLessThan(2);
  });

  it("stays finite for extreme indexes", () => {
    const h = histogramOfPoint(point(exp(20, 2 ** 31 - 10, [1, 1])), 1);
    expect(totalCount(h)).toBe(2);
    const low = histogramOfPoint(point(exp(-10, -(2 ** 31), [1])), 1);
    expect(low).toEqual({ [ZERO_BUCKET]: 1 });
  });
});
