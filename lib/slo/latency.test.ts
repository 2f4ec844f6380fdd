import { describe, expect, it } from "vitest";
import { histogramOf } from "@/lib/vitals/histogram";
import { countAtOrBelow, straddlingCount } from "./latency";
import { lcg } from "@/tests/support/seeded-random";

describe("countAtOrBelow", () => {
  it("counts whole buckets under the threshold and the zero bucket", () => {
    // Bucket 200 is [1.02^200, 1.02^201) ≈ [52.5, 53.6) ms: wholly under 400 ms; bucket 400 (≈ 2755 ms) wholly over.
    expect(countAtOrBelow({ z: 3, "200": 10, "400": 7 }, 400)).toBe(13);
  });

  it("splits the bucket holding the threshold linearly", () => {
    // ln 400 / ln 1.02 = 302.56…: bucket 302 is [395.6, 403.5) ms and 56 % of it lies under 400 ms.
    const lo = 1.02 ** 302;
    const hi = 1.02 ** 303;
    expect(lo).toBeCloseTo(395.56, 1);
    expect(hi).toBeCloseTo(403.47, 1);
    expect(countAtOrBelow({ "302": 100 }, 400)).toBeCloseTo((100 * (400 - lo)) / (hi - lo), 9);
    expect(countAtOrBelow({ "302": 100 }, 400)).toBeCloseTo(56.1, 0);
  });

  it("is an empty count for an empty histogram", () => expect(countAtOrBelow({}, 400)).toBe(0));

  it("stays within the straddling bucket's count of the exact count on real-looking data", () => {
    const rand = lcg(3);
    const values = Array.from(
      { length: 20_000 },
      () => 120 * Math.exp(1.1 * Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand())),
    );
    const h = histogramOf(values);
    for (const threshold of [50, 400, 1000]) {
      const exact = values.filter((v) => v <= threshold).length;
      const error = Math.abs(countAtOrBelow(h, threshold) - exact);
      expect(error).toBeLessThanOrEqual(straddlingCount(h, threshold));
      expect(error / values.length).toBeLessThan(0.005);
    }
  });
});
