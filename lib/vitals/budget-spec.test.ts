import { describe, expect, it } from "vitest";
import { BudgetInput, budgetIdOfAlert, budgetSubject } from "@/lib/vitals/budget-spec";

const form = (over: Record<string, unknown> = {}) => ({
  site: "vigil",
  id: "",
  metric: "LCP",
  percentile: "95",
  threshold: "2500",
  route: "",
  device: "",
  forMinutes: "",
  minSamples: "",
  enabled: "on",
  ...over,
});
const issues = (over: Record<string, unknown>) => {
  const r = BudgetInput.safeParse(form(over));
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("BudgetInput", () => {
  it("fills defaults: every route and device, for 5 min, 20 samples; a new budget has no id", () => {
    expect(BudgetInput.parse(form())).toEqual({
      site: "vigil",
      id: null,
      metric: "LCP",
      percentile: 95,
      threshold: 2500,
      route: "*",
      device: "all",
      forMinutes: 5,
      minSamples: 20,
      enabled: true,
    });
    expect(BudgetInput.parse(form({ id: "12", enabled: undefined, forMinutes: "0" }))).toMatchObject({
      id: 12,
      enabled: false,
      forMinutes: 0,
    });
  });

  it("bounds the threshold per metric and refuses nonsense with a message per field", () => {
    expect(issues({ threshold: "-5" })).toEqual(["threshold: Budget must be above 0."]);
    expect(issues({ threshold: "abc" })).toEqual(["threshold: Budget must be a number."]);
    expect(issues({ threshold: "600001" })).toEqual(["threshold: Budget must be at most 600000 ms."]);
    expect(issues({ metric: "CLS", threshold: "101" })).toEqual(["threshold: Budget must be at most 100."]);
    expect(issues({ metric: "CLS", threshold: "0.25" })).toEqual([]);
    expect(issues({ percentile: "80" })).toEqual(["percentile: Percentile must be one of p50, p75, p90, p95, p99."]);
    expect(issues({ metric: "FID" })).toEqual(["metric: Unknown metric."]);
    expect(issues({ device: "watch" })).toEqual(["device: Unknown device."]);
    expect(issues({ route: "checkout" })).toEqual(["route: Route must be * (every route) or start with /."]);
    expect(issues({ route: `/${"a".repeat(200)}` })).toEqual(["route: Route must be at most 200 characters."]);
    expect(issues({ route: "/a\u0000" })).toHaveLength(1);
    expect(issues({ forMinutes: "1441" })).toEqual(["forMinutes: For must be at most 1440."]);
    expect(issues({ forMinutes: "2.5" })).toEqual(["forMinutes: For must be a whole number."]);
    expect(issues({ minSamples: "0" })).toEqual(["minSamples: Minimum samples must be at least 1."]);
  });
});

describe("names", () => {
  it("say what a budget watches and find budget alerts by their slo", () => {
    expect(budgetSubject({ metric: "TTFB", percentile: 95, route: "*", device: "all" })).toBe("p95 TTFB");
    expect(budgetSubject({ metric: "LCP", percentile: 75, route: "/cart", device: "mobile" })).toBe(
      "p75 LCP on /cart (mobile)",
    );
    expect(budgetIdOfAlert("budget:42")).toBe(42);
    expect(budgetIdOfAlert("api-availability")).toBeNull();
  });
});
