import { describe, expect, it } from "vitest";
import type { DefaultVitalBudget } from "@/lib/vitals/budget-spec";
import { budgetAlertExpr, budgetAlertName, budgetAlertRule, budgetRuleGroups, checkBudgets } from "./budget-rules";

const b = (over: Partial<DefaultVitalBudget> = {}): DefaultVitalBudget => ({
  metric: "LCP",
  percentile: 95,
  threshold: 2500,
  route: "*",
  device: "all",
  forMinutes: 5,
  minSamples: 20,
  ...over,
});

describe("budget alert rules", () => {
  it("are named after metric and percentile, with the route and device when the budget has them", () => {
    expect(budgetAlertName(b())).toBe("WEBVITALS_LCP_95P_ABOVE_BUDGET");
    expect(budgetAlertName(b({ metric: "TTFB", percentile: 75 }))).toBe("WEBVITALS_TTFB_75P_ABOVE_BUDGET");
    expect(budgetAlertName(b({ route: "/checkout/[id]", device: "mobile" }))).toBe(
      "WEBVITALS_LCP_95P_CHECKOUT_ID_MOBILE_ABOVE_BUDGET",
    );
  });

  it("compare the site's quantile in seconds (CLS as a score) and guard on the site's own samples", () => {
    expect(budgetAlertExpr(b())).toBe(
      [
        "histogram_quantile(0.95, sum by (site, le) (rate(web_vitals_lcp_seconds_bucket[5m]))) > 2.5",
        "and on (site)",
        "sum by (site) (increase(web_vitals_lcp_seconds_count[5m])) >= 20",
      ].join("\n"),
    );
    expect(
      budgetAlertExpr(b({ metric: "CLS", percentile: 75, threshold: 0.25, route: '/a"b', device: "mobile" })),
    ).toContain(
      'histogram_quantile(0.75, sum by (site, le) (rate(web_vitals_cls_bucket{route="/a\\"b",device="mobile"}[5m]))) > 0.25',
    );
    expect(budgetAlertRule(b()).for).toBe("5m");
    expect(budgetAlertRule(b({ forMinutes: 0 })).for).toBeUndefined();
    expect(budgetAlertRule(b()).labels).toEqual({ severity: "budget", metric: "LCP", percentile: "95" });
  });

  it("refuse thresholds outside the histogram and duplicate names", () => {
    expect(() => checkBudgets([b({ threshold: 100 })])).toThrow(/WEBVITALS_LCP_95P_ABOVE_BUDGET: threshold/);
    expect(() => checkBudgets([b({ threshold: 20_000 })])).toThrow(/threshold/);
    expect(() => checkBudgets([b(), b({ threshold: 3000 })])).toThrow(/two budgets/);
    expect(budgetRuleGroups([b()]).groups[0]!.rules).toHaveLength(1);
  });
});
