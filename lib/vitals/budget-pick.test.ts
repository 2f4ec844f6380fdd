import { describe, expect, it } from "vitest";
import { drawnBudget } from "@/lib/vitals/budget-pick";
import type { VitalBudget } from "@/lib/vitals/budget-spec";

let next = 1;
const b = (over: Partial<VitalBudget>): VitalBudget => ({
  id: next++,
  metric: "LCP",
  percentile: 75,
  threshold: 1000,
  route: "*",
  device: "all",
  forMinutes: 5,
  minSamples: 20,
  enabled: true,
  ...over,
});

describe("drawnBudget", () => {
  const budgets = [
    b({ threshold: 3000 }),
    b({ threshold: 2000, route: "/cart" }),
    b({ threshold: 1500, device: "mobile" }),
    b({ threshold: 1200, route: "/cart", device: "mobile" }),
    b({ threshold: 4000, percentile: 95 }),
    b({ threshold: 900, metric: "TTFB" }),
  ];

  it("prefers the budget of the route and device shown, then the route's, then the device's, then the site's", () => {
    expect(drawnBudget(budgets, "LCP", { p: 75 }).threshold).toBe(3000);
    expect(drawnBudget(budgets, "LCP", { p: 75, route: "/cart" }).threshold).toBe(2000);
    expect(drawnBudget(budgets, "LCP", { p: 75, device: "mobile" }).threshold).toBe(1500);
    expect(drawnBudget(budgets, "LCP", { p: 75, route: "/cart", device: "mobile" }).threshold).toBe(1200);
    expect(drawnBudget(budgets, "LCP", { p: 75, route: "/other", device: "tablet" }).threshold).toBe(3000);
  });

  it("matches the percentile shown and falls back to the good threshold", () => {
    expect(drawnBudget(budgets, "LCP", { p: 95 })).toMatchObject({ threshold: 4000, custom: true });
    expect(drawnBudget(budgets, "LCP", { p: 99 })).toEqual({ threshold: 2500, custom: false, id: null });
    expect(drawnBudget(budgets, "TTFB", { p: 75 }).threshold).toBe(900);
    expect(drawnBudget([], "CLS", { p: 75 })).toEqual({ threshold: 0.1, custom: false, id: null });
  });
});
