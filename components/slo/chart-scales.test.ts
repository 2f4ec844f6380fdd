import { describe, expect, it } from "vitest";
import { budgetDomain, burnAxis, sliDomain } from "./chart-scales";

describe("SLO chart scales", () => {
  it("keep the SLI target in view, with decimals fit for the range", () => {
    // Span 0.1 points: padded by the 0.05 minimum.
    expect(sliDomain([100, 99.99], 99.9)).toEqual({ domain: [expect.closeTo(99.85, 9), 100], digits: 2 });
    expect(sliDomain([97, 100], 99.9)).toEqual({ domain: [96.25, 100], digits: 1 });
    expect(sliDomain([80, 90], 75)).toEqual({ domain: [68.75, 100], digits: 0 });
    expect(sliDomain([], 99.9).domain[1]).toBe(100);
  });
  it("show every burn threshold and room above the highest burn", () => {
    expect(burnAxis([0, 2])).toEqual({ max: 16, ticks: [0, 1, 3, 6, 14.4] });
    const big = burnAxis([230]);
    expect(big.max).toBeCloseTo(253, 6);
    expect(big.ticks).toEqual([0, 1, 3, 6, 14.4, 50, 100, 200]);
  });
  it("extend the budget axis below zero when overspent", () => {
    expect(budgetDomain([100, 40])).toEqual([0, 100]);
    expect(budgetDomain([100, -30])).toEqual([-50, 100]);
  });
});
