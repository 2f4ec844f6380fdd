import { describe, expect, it } from "vitest";
import { parseSloSpecs } from "@/lib/slo/spec";
import { counterValues, fixtureSeries, windowCounts } from "./fixtures";
import { renderAnnotations, ruleTests, SITES } from "./rule-tests";
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

  it("builds the series each SLI reads, for one site", () => {
    const [latency, uptime] = parseSloSpecs([
      { id: "l", name: "L", owner: "o", objective: 0.9, kind: "latency", thresholdMs: 400, routes: ["/a/[id]"] },
      { id: "u", name: "U", owner: "o", objective: 0.9, kind: "uptime", monitor: "vigil" },
    ]);
    const phases = [{ minutes: 2, good: 3, bad: 1 }];
    const labels = 'site="s",route="/a/[id]",method="GET",status="200"';
    expect(fixtureSeries(sliSource(latency!).fixture, phases, "s")).toEqual([
      { series: `http_request_duration_seconds_bucket{${labels},le="0.4"}`, values: "0 3+3x1" },
      { series: `http_request_duration_seconds_bucket{${labels},le="+Inf"}`, values: "0 4+4x1" },
      { series: `http_request_duration_seconds_count{${labels}}`, values: "0 4+4x1" },
    ]);
    expect(fixtureSeries(sliSource(uptime!).fixture, phases, "s")).toEqual([
      { series: 'vigil_probe_results_total{site="s",monitor="vigil",outcome="up"}', values: "0 3+3x1" },
      { series: 'vigil_probe_results_total{site="s",monitor="vigil",outcome="down"}', values: "0 1+1x1" },
    ]);
  });

  it("leaves out a counter that never moves and ends series that are gone", () => {
    const [uptime] = parseSloSpecs([{ id: "u", name: "U", owner: "o", objective: 0.9, kind: "uptime", monitor: "m" }]);
    const phases = [
      { minutes: 2, good: 3, bad: 0 },
      { minutes: 5, good: 0, bad: 0, gone: true as const },
    ];
    expect(fixtureSeries(sliSource(uptime!).fixture, phases, "s")).toEqual([
      { series: 'vigil_probe_results_total{site="s",monitor="m",outcome="up"}', values: "0 3+3x1 stale" },
    ]);
    expect(windowCounts(phases, 10)).toEqual({ bad: 0, total: 6 });
  });

  it("renders annotations as Prometheus would", () => {
    expect(
      renderAnnotations(
        { d: 'Ratio {{ $value | humanizePercentage }} on site {{ $labels.site }} of {{ "{{" }}x}}' },
        0.029000000000000026,
        "shop",
      ),
    ).toEqual({ d: "Ratio 2.9% on site shop of {{x}}" });
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

  it("makes every alert fire (burn rate once, absent data twice) and stay quiet in the other cases", () => {
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
      ).toHaveLength(name.endsWith("NoData") ? 2 : 1);
      expect(fired.filter((n) => n === 0).length, name).toBeGreaterThanOrEqual(2);
    }
  });

  it("covers too little traffic, a recovered short window and a short burst for each burn-rate alert", () => {
    const names = byAlert("SLOApiBurnRateTicket3d").map((t) => t.name.replace(/^[^:]+: /, ""));
    expect(names).toEqual([
      "fires at 0.2 % errors over 20m for site shop only",
      "does not fire at 0.09 % errors, below 0.1 %",
      "does not fire on 19 events, all bad, fewer than minEvents 100",
      expect.stringMatching(/^does not fire once the 6h window is clean again/),
      expect.stringMatching(/^does not fire on a 6h1m burst of 0.15 % errors/),
    ]);
    // minEvents 1 cannot be undercut by a single event: no minimum-traffic case then.
    expect(byAlert("SLOLcpBurnRateTicket1d").some((t) => t.name.includes("minEvents"))).toBe(false);
  });

  it("runs every case on two sites and expects alerts for the tested site only", () => {
    for (const t of tests) {
      const sites = new Set(t.input_series.map((s) => /site="([^"]+)"/.exec(s.series)?.[1]));
      expect([...sites].sort(), t.name).toEqual([SITES.tested, SITES.healthy].sort());
      for (const alert of t.alert_rule_test[0]!.exp_alerts) expect(alert.exp_labels.site, t.name).toBe(SITES.tested);
    }
    const [fire] = byAlert("SLOApiBurnRatePage1h");
    expect(fire!.alert_rule_test[0]!.exp_alerts).toHaveLength(1);
    expect(fire!.input_series.find((s) => s.series.includes(`site="${SITES.healthy}"`))!.series).toContain(
      'status="200"',
    );
  });

  it("expects the long window's ratio in the description and checks the recorded figures of both sites", () => {
    const fire = byAlert("SLOApiBurnRatePage1h")[0]!;
    expect(fire.alert_rule_test[0]!.exp_alerts[0]!.exp_annotations.description).toMatch(
      /^Error ratio 2.9% on site shop over the last 1h/,
    );
    expect(fire.promql_expr_test!.map((e) => [e.expr, e.exp_samples.map((x) => [x.labels, x.value])])).toEqual([
      [
        'round(slo:sli_error:ratio_rate1h{slo="api"} * 1e5)',
        [
          ['{site="shop", slo="api", window="1h"}', 2900],
          ['{site="vigil", slo="api", window="1h"}', 0],
        ],
      ],
      [
        'round(slo:sli_error:ratio_rate5m{slo="api"} * 1e5)',
        [
          ['{site="shop", slo="api", window="5m"}', 2900],
          ['{site="vigil", slo="api", window="5m"}', 0],
        ],
      ],
      [
        'round(slo:error_budget_remaining:ratio{slo="api"} * 1e6)',
        [
          ['{site="shop", slo="api"}', -28_000_000],
          ['{site="vigil", slo="api"}', 1_000_000],
        ],
      ],
    ]);
  });

  it("raises absent data for a site that went quiet or whose series are gone, not for one that keeps reporting", () => {
    expect(byAlert("SLOApiNoData").map((t) => [t.name, t.alert_rule_test[0]!.exp_alerts.length])).toEqual([
      ["SLOApiNoData: fires after 60 min with no events on site shop only", 1],
      ["SLOApiNoData: fires when site shop's series are gone for 60 min", 1],
      ["SLOApiNoData: does not fire before 60 min without events", 0],
      ["SLOApiNoData: does not fire while events keep coming", 0],
    ]);
    const gone = byAlert("SLOApiNoData")[1]!;
    expect(gone.input_series.find((s) => s.series.includes('site="shop"'))!.values).toMatch(/ stale$/);
  });

  it("evaluates on the test file's evaluation steps", () => {
    const unit: Record<string, number> = { d: 1440, h: 60, m: 1 };
    const toMinutes = (d: string) =>
      [...d.matchAll(/(\d+)([dhm])/g)].reduce((sum, [, n, u]) => sum + Number(n) * unit[u!]!, 0);
    expect(ruleTests(planSlos(specs), "rules.yml").evaluation_interval).toBe("10m");
    expect(tests.map((t) => toMinutes(t.alert_rule_test[0]!.eval_time) % 10)).toEqual(tests.map(() => 0));
  });
});
