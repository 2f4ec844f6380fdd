import { describe, expect, it } from "vitest";
import { budgetAlertHeadline, budgetAlertSummary, evaluateBudget, percentileCont } from "@/lib/vitals/budget-evaluate";
import type { VitalBudget } from "@/lib/vitals/budget-spec";

const budget = (over: Partial<VitalBudget> = {}): VitalBudget => ({
  id: 7,
  metric: "LCP",
  percentile: 95,
  threshold: 2500,
  route: "*",
  device: "all",
  forMinutes: 5,
  minSamples: 20,
  enabled: true,
  ...over,
});

describe("percentileCont", () => {
  it("interpolates between closest ranks as Postgres does", () => {
    // 1..10: p95 rank = 0.95 × 9 = 8.55 → 9 + 0.55 × (10 − 9) = 9.55; p50 rank 4.5 → 5.5.
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(percentileCont(values, 0.95)).toBeCloseTo(9.55, 10);
    expect(percentileCont(values, 0.5)).toBeCloseTo(5.5, 10);
    expect(percentileCont(values, 0.75)).toBeCloseTo(7.75, 10);
    expect(percentileCont([42], 0.99)).toBe(42);
    expect(percentileCont([], 0.5)).toBeNull();
  });
});

describe("evaluateBudget", () => {
  it("holds when the percentile is strictly above the threshold with enough samples", () => {
    expect(evaluateBudget(budget(), { value: 3100, samples: 20 })).toMatchObject({ holds: true, reason: "over" });
    expect(evaluateBudget(budget(), { value: 2500, samples: 500 })).toMatchObject({ holds: false, reason: "under" });
    expect(evaluateBudget(budget(), { value: 2500.1, samples: 500 }).holds).toBe(true);
  });

  it("never holds below minSamples, whatever the value", () => {
    expect(evaluateBudget(budget(), { value: 60_000, samples: 19 })).toMatchObject({
      holds: false,
      reason: "low-samples",
    });
    expect(evaluateBudget(budget({ minSamples: 1 }), { value: 2600, samples: 1 }).holds).toBe(true);
  });

  it("does not hold without data", () => {
    expect(evaluateBudget(budget(), { value: null, samples: 0 })).toMatchObject({ holds: false, reason: "no-data" });
  });

  it("keeps the figures an alert shows", () => {
    expect(
      evaluateBudget(budget({ route: "/checkout", device: "mobile" }), { value: 3100, samples: 42 }).figures,
    ).toEqual({
      rule: "budget",
      metric: "LCP",
      percentile: 95,
      threshold: 2500,
      value: 3100,
      samples: 42,
      minSamples: 20,
      windowMinutes: 5,
      route: "/checkout",
      device: "mobile",
    });
  });

  it("a hand-computed window: 19 fast and 1 slow sample put p95 between them", () => {
    // 19 × 1000 ms and 1 × 9000 ms: rank 0.95 × 19 = 18.05 → 1000 + 0.05 × 8000 = 1400 ms.
    const values = [...Array(19).fill(1000), 9000];
    const p95 = percentileCont(values, 0.95)!;
    expect(p95).toBeCloseTo(1400, 9);
    expect(evaluateBudget(budget({ threshold: 1399 }), { value: p95, samples: 20 }).holds).toBe(true);
    expect(evaluateBudget(budget({ threshold: 1401 }), { value: p95, samples: 20 }).holds).toBe(false);
  });
});

describe("alert text", () => {
  it("names percentile, metric, value, budget, route and device", () => {
    const v = evaluateBudget(budget({ route: "/checkout", device: "mobile" }), { value: 3100, samples: 42 });
    expect(budgetAlertHeadline(v.figures)).toBe("p95 LCP 3.10 s > budget 2.50 s on /checkout (mobile)");
    expect(budgetAlertSummary(v.figures)).toBe(
      "p95 LCP 3.10 s > budget 2.50 s on /checkout (mobile): 42 samples in the last 5 min (at least 20 needed).",
    );
    const cls = evaluateBudget(budget({ metric: "CLS", percentile: 75, threshold: 0.1 }), { value: 0.05, samples: 1 });
    expect(budgetAlertHeadline(cls.figures)).toBe("p75 CLS 0.050 ≤ budget 0.10");
  });
});
