import { describe, expect, it } from "vitest";
import { METRICS, rate } from "./metrics";

describe("ratings", () => {
  it.each([
    ["LCP", 2500, "good"],
    ["LCP", 2500.1, "needs-improvement"],
    ["LCP", 4000, "needs-improvement"],
    ["LCP", 4001, "poor"],
    ["INP", 200, "good"],
    ["INP", 201, "needs-improvement"],
    ["INP", 501, "poor"],
    ["CLS", 0.1, "good"],
    ["CLS", 0.11, "needs-improvement"],
    ["CLS", 0.26, "poor"],
    ["FCP", 1800, "good"],
    ["FCP", 3001, "poor"],
    ["TTFB", 800, "good"],
    ["TTFB", 1000, "needs-improvement"],
    ["TTFB", 1801, "poor"],
  ] as const)("%s %d is %s (web-vitals thresholds)", (name, value, expected) => {
    expect(rate(name, value)).toBe(expected);
  });

  it("formats in each metric's unit", () => {
    expect(METRICS.LCP.format(2345)).toBe("2.35 s");
    expect(METRICS.INP.format(180.4)).toBe("180 ms");
    expect(METRICS.CLS.format(0.05)).toBe("0.050");
  });
});
