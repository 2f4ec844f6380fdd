import { describe, expect, it } from "vitest";
import { parseSloSpecs } from "@/lib/slo/spec";
import { counterValues, fixtureSeries, windowCounts } from "./fixtures";
import { renderAnnotations, ruleTests } from "./rule-tests";
import { planSlos } from "./slo-plan";
import { sliSource } from "./sli";

describe("promtool test fixtures", () => {
  it("writes counters in promtool's expanding notation", () => {
    expect(counterValues([{ minutes: 10, inc: 5 }])).toBe("0 5+5x9");
    expect(
      counterValues([
        { minutes: 3, inc: 2 },
        { minutes: 1, inc: 7 },
        { minutes: 4, inc: 0 },
      ]),
    ).toBe("0 2+2x2 13 13+0x3");
    expect(counterValues([{ minutes: 0, inc: 9 }])).toBe("0");
  });

  it("counts what the last minutes of a timeline hold", () => {
    const phases = [
      { minutes: 10, good: 100, bad: 0 },
      { minutes: 5, good: 90, bad: 10 },
    ];
    expect(windowCounts(phases, 5)).toEqual({ bad: 50, total: 500 });
    expect(windowCounts(phases, 7.5)).toEqual({ bad: 50, total: 700 });
    expect(windowCounts(phases, 60)).toEqual({ bad: 50, total: 1500 });
  });

  it("builds the series each SLI reads", () => {
    const [latency, uptime] = parseSloSpecs([
      { id: "l", name: "L", owner: "o", objective: 0.9, kind: "latency", thresholdMs: 400, routes: ["/a/[id]"] },
      { id: "u", name: "U", owner: "o", objective: 0.9, kind: "uptime", monitor: "vigil" },
    ]);
    const phases = [{ minutes: 2, good: 3, bad: 1 }];
    expect(fixtureSeries(sliSource(latency!).fixture, phases)).toEqual([
      {
        series: 'http_request_duration_seconds_bucket{route="/a/[id]",method="GET",status="200",le="0.4"}',
        values: "0 3+3x1",
      },
      {
        series: 'http_request_duration_seconds_bucket{route="/a/[id]",method="GET",status="200",le="+Inf"}',
        values: "0 4+4x1",
      },
      { series: 'http_request_duration_seconds_count{route="/a/[id]",method="GET",status="200"}', values: "0 4+4x1" },
    ]);
    expect(fixtureSeries(sliSource(uptime!).fixture, phases)).toEqual([
      { series: 'vigil_probe_results_total{monitor="vigil",outcome="up"}', values: "0 3+3x1" },
      { series: 'vigil_probe_results_total{monitor="vigil",outcome="down"}', values: "0 1+1x1" },
    ]);
  });

  it("renders annotations as Prometheus would", () => {
    expect(
      renderAnnotations({ d: 'Ratio {{ $value | humanizePercentage }} of {{ "{{" }}x}}' }, 0.029000000000000026),
    ).toEqual({ d: "Ratio 2.9% of {{x}}" });
  });
});

describe("generated rule tests", () => {
  const specs = parseSloSpecs([
    {
      id: "api",
      name: "API",
      owner: "o",
      objective: 0.999,
      kind: "availability",
      alerting: { minEvents: 100, absentMinutes: 60 },
    },
    {
      id: "lcp",
      name: "LCP",
      owner: "o",
      objective: 0.75,
      kind: "vitals",
      metric: "LCP",
      alerting: { minEvents: 1, absentMinutes: 0 },
    },
  ]);
  const tests = ruleTests(planSlos(specs), "rules.yml").tests;
  const byAlert = (name: string) => tests.filter((t) => t.alert_rule_test[0]!.alertname === name);

  it("makes every alert fire once and stay quiet in the other cases", () => {
    for (const name of [
      "SLOApiBurnRatePage1h",
      "SLOApiBurnRatePage6h",
      "SLOApiBurnRateTicket1d",
      "SLOApiBurnRateTicket3d",
      "SLOApiNoData",
      "SLOLcpBurnRateTicket1d",
      "SLOLcpBurnRateTicket3d",
    ]) {
      const fired = byAlert(name).map((t) => t.alert_rule_test[0]!.exp_alerts.length);
      expect(
        fired.filter((n) => n === 1),
        name,
      ).toHaveLength(1);
      expect(fired.filter((n) => n === 0).length, name).toBeGreaterThanOrEqual(2);
    }
  });

  it("covers too little traffic, a recovered short window and a short burst for each burn-rate alert", () => {
    const names = byAlert("SLOApiBurnRateTicket3d").map((t) => t.name.replace(/^[^:]+: /, ""));
    expect(names).toEqual([
      "fires at 0.2 % errors over 20m",
      "does not fire at 0.09 % errors, below 0.1 %",
      "does not fire on 19 events, all bad, fewer than minEvents 100",
      expect.stringMatching(/^does not fire once the 6h window is clean again/),
      expect.stringMatching(/^does not fire on a 6h1m burst of 0.15 % errors/),
    ]);
    // minEvents 1 cannot be undercut by a single event: no minimum-traffic case then.
    expect(byAlert("SLOLcpBurnRateTicket1d").some((t) => t.name.includes("minEvents"))).toBe(false);
  });

  it("expects the long window's ratio in the description and checks the recorded figures", () => {
    const fire = byAlert("SLOApiBurnRatePage1h")[0]!;
    expect(fire.alert_rule_test[0]!.exp_alerts[0]!.exp_annotations.description).toMatch(
      /^Error ratio 2.9% over the last 1h/,
    );
    expect(fire.promql_expr_test!.map((e) => [e.expr, e.exp_samples[0]!.value])).toEqual([
      ['round(slo:sli_error:ratio_rate1h{slo="api"} * 1e5)', 2900],
      ['round(slo:sli_error:ratio_rate5m{slo="api"} * 1e5)', 2900],
      ['round(slo:error_budget_remaining:ratio{slo="api"} * 1e6)', -28_000_000],
    ]);
  });

  it("evaluates on the test file's evaluation steps", () => {
    const unit: Record<string, number> = { d: 1440, h: 60, m: 1 };
    const toMinutes = (d: string) =>
      [...d.matchAll(/(\d+)([dhm])/g)].reduce((sum, [, n, u]) => sum + Number(n) * unit[u!]!, 0);
    expect(ruleTests(planSlos(specs), "rules.yml").evaluation_interval).toBe("10m");
    expect(tests.map((t) => toMinutes(t.alert_rule_test[0]!.eval_time) % 10)).toEqual(tests.map(() => 0));
  });
});
