import { describe, expect, it } from "vitest";
import { parseSloSpecs, type SloSpec } from "@/lib/slo/spec";
import { alertExpr, ruleGroup, skippedNote, type AlertingRule, type RecordingRule } from "./prometheus-rules";
import { planSlo, planSlos, templateText } from "./slo-plan";

const spec = (s: Record<string, unknown>): SloSpec =>
  parseSloSpecs([{ id: "shop", name: "Shop", owner: "team", kind: "custom", objective: 0.99, ...s }])[0]!;

describe("SLO plans", () => {
  it("uses the scaled windows of the burn-rate table, deduplicated and sorted", () => {
    expect(planSlo(spec({ window: "30d" })).windows).toEqual(["5m", "30m", "1h", "2h", "6h", "1d", "3d"]);
    expect(planSlo(spec({ window: "28d" })).windows).toEqual([
      "5m",
      "28m",
      "56m",
      "1h52m",
      "5h36m",
      "22h24m",
      "2d19h12m",
    ]);
    expect(planSlo(spec({ window: "7d" })).windows).toEqual(["1m", "7m", "14m", "28m", "1h24m", "5h36m", "16h48m"]);
    expect(planSlo(spec({ window: "7d" })).period).toBe("7d");
  });

  it("names alerts per SLO and rule, with the labels Alertmanager routes on", () => {
    const plan = planSlo(spec({ id: "api-availability", owner: "platform", runbookUrl: "RUNBOOK.md#api" }));
    expect(plan.alerts.map((a) => a.name)).toEqual([
      "SLOApiAvailabilityBurnRatePage1h",
      "SLOApiAvailabilityBurnRatePage6h",
      "SLOApiAvailabilityBurnRateTicket1d",
      "SLOApiAvailabilityBurnRateTicket3d",
      "SLOApiAvailabilityNoData",
    ]);
    expect(plan.alerts[0]!.labels).toEqual({
      slo: "api-availability",
      owner: "platform",
      severity: "page",
      rule: "page-1h",
    });
    expect(plan.alerts[3]!.labels.severity).toBe("ticket");
    expect(plan.alerts[4]!.labels).toEqual({
      slo: "api-availability",
      owner: "platform",
      severity: "ticket",
      rule: "absent",
    });
    expect(plan.alerts[0]!.annotations.runbook_url).toBe("RUNBOOK.md#api");
    expect(plan.alerts[0]!.annotations.description).toContain(
      "above 14.4 % over the last 5m too: more than 14.4× the 1 % error budget",
    );
    // `site` comes from the expression (every rule is per site); the annotations name it.
    for (const a of plan.alerts) expect(a.annotations.summary, a.name).toContain("on site {{ $labels.site }}");
  });

  it("leaves out rules that can never hold and alerts on absent data only when asked", () => {
    const lcp = planSlo(spec({ objective: 0.75, alerting: { absentMinutes: 0 } }));
    expect(lcp.alerts.map((a) => a.labels.rule)).toEqual(["ticket-1d", "ticket-3d"]);
    expect(lcp.skipped.map((s) => [s.rule.id, s.threshold])).toEqual([
      ["page-1h", 3.6],
      ["page-6h", 1.5],
    ]);
    expect(skippedNote(lcp)).toBe(
      " Left out for objective 0.75, as an error ratio never exceeds 100 %: page-1h (14.4× needs 360 %), page-6h (6× needs 150 %).",
    );
    expect(skippedNote(planSlo(spec({})))).toBeUndefined();
  });

  it("refuses two SLO ids that would share an alert name", () => {
    expect(() => planSlos([spec({ id: "a-1" }), spec({ id: "a1" })])).toThrow(
      /"a-1" and "a1" give the same alert name SLOA1BurnRatePage1h/,
    );
  });

  it("keeps a literal {{ in names out of Go's template actions", () => {
    expect(templateText("Shop {{x}}")).toBe('Shop {{ "{{" }}x}}');
  });
});

describe("rule groups", () => {
  it("requires both windows above factor × budget and the minimum traffic over the long window, per site", () => {
    const plan = planSlo(spec({ window: "7d", alerting: { minEvents: 100 } }));
    expect(alertExpr(plan, plan.alerts[0]!)).toBe(
      [
        "(",
        '  max without (window) (slo:sli_error:ratio_rate14m{slo="shop"} > 0.144)',
        "and",
        '  max without (window) (slo:sli_error:ratio_rate1m{slo="shop"} > 0.144)',
        ")",
        "and on (site)",
        '(sum by (site) (increase(vigil_slo_events_total{slo="shop"}[14m])) >= 100)',
      ].join("\n"),
    );
    const noGuard = planSlo(spec({ alerting: { minEvents: 0 } }));
    expect(alertExpr(noGuard, noGuard.alerts[0]!)).not.toContain("increase");
  });

  it("raises absent data for a site that had events in the SLO window and has none now", () => {
    const plan = planSlo(spec({ window: "7d" }));
    const absent = plan.alerts.find((a) => a.type === "absent")!;
    expect(alertExpr(plan, absent)).toBe(
      [
        '(max_over_time(slo:sli_events:rate5m{slo="shop"}[7d]) > 0)',
        "unless on (site)",
        '(slo:sli_events:rate5m{slo="shop"} > 0)',
      ].join("\n"),
    );
    expect(absent.annotations.summary).toBe("Shop on site {{ $labels.site }}: no events for 60 minutes");
  });

  it("records a ratio per window, the SLO-window ratio from 5-minute rates, and the metadata", () => {
    const group = ruleGroup(planSlo(spec({ window: "28d", objective: 0.995, alerting: { absentMinutes: 90 } })));
    expect(group.name).toBe("slo-shop");
    const records = group.rules.filter((r): r is RecordingRule => "record" in r);
    expect(records.map((r) => r.record)).toEqual([
      ...["5m", "28m", "56m", "1h52m", "5h36m", "22h24m", "2d19h12m"].map((w) => `slo:sli_error:ratio_rate${w}`),
      "slo:sli_events:rate5m",
      "slo:sli_bad_events:rate5m",
      "slo:sli_error:ratio_rate28d",
      "slo:objective:ratio",
      "slo:error_budget:ratio",
      "slo:period:days",
      "slo:error_budget_remaining:ratio",
      "slo:info",
    ]);
    expect(records[0]!.labels).toEqual({ slo: "shop", window: "5m" });
    expect(records[9]!.expr).toBe(
      'sum_over_time(slo:sli_bad_events:rate5m{slo="shop"}[28d])\n/\nsum_over_time(slo:sli_events:rate5m{slo="shop"}[28d])',
    );
    expect(records.find((r) => r.record === "slo:error_budget:ratio")!.expr).toBe("vector(0.005)");
    expect(records.find((r) => r.record === "slo:error_budget_remaining:ratio")!.expr).toBe(
      '1 - max without (window) (slo:sli_error:ratio_rate28d{slo="shop"}) / 0.005',
    );
    const alerts = group.rules.filter((r): r is AlertingRule => "alert" in r);
    expect(alerts.map((a) => a.for)).toEqual([undefined, undefined, "5m", "5m", "1h30m"]);
  });
});
