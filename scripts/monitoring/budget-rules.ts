import { vitalBuckets, vitalMetricName } from "@/lib/telemetry/metric-names";
import { BUDGET_WINDOW_MINUTES, budgetSubject, type DefaultVitalBudget } from "@/lib/vitals/budget-spec";
import { METRICS } from "@/lib/vitals/metrics";
import { counterValues, type InputSeries } from "@/lib/monitoring/fixtures";
import { BUDGET_RULES_FILE } from "./example-configs";
import { eq, promqlString, selector, type Matcher } from "@/lib/monitoring/promql";
import { SITE_TEMPLATE } from "@/lib/monitoring/slo-plan";

// Web-vitals budgets as Prometheus alerts over the vitals histograms of /metrics, per site: the percentile of the
// last 5 minutes (histogram_quantile, interpolated within buckets) above the threshold, with at least `minSamples`
// samples of that site in the window, for `forMinutes`. Vigil's own evaluation uses exact percentiles of raw samples.
export { BUDGET_RULES_FILE };
export const BUDGET_RUNBOOK = "RUNBOOK.md#web-vitals-budget-alerts";
const WINDOW = `${BUDGET_WINDOW_MINUTES}m`;

const slug = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

/** WEBVITALS_LCP_95P_ABOVE_BUDGET; a route or device budget adds them: WEBVITALS_LCP_95P_CHECKOUT_MOBILE_ABOVE_BUDGET. */
export function budgetAlertName(b: DefaultVitalBudget): string {
  const scope = [b.route === "*" ? "" : slug(b.route) || "ROOT", b.device === "all" ? "" : slug(b.device)].filter(
    Boolean,
  );
  return ["WEBVITALS", b.metric, `${b.percentile}P`, ...scope, "ABOVE_BUDGET"].join("_");
}

/** The threshold in the histogram's unit: seconds for timings, the score for CLS. */
export const thresholdInSeries = (b: DefaultVitalBudget) =>
  METRICS[b.metric].unit === "ms" ? b.threshold / 1000 : b.threshold;

const matchersOf = (b: DefaultVitalBudget): Matcher[] => [
  ...(b.route === "*" ? [] : [eq("route", b.route)]),
  ...(b.device === "all" ? [] : [eq("device", b.device)]),
];

export function budgetAlertExpr(b: DefaultVitalBudget): string {
  const base = vitalMetricName(b.metric);
  const m = matchersOf(b);
  return [
    `histogram_quantile(${b.percentile / 100}, sum by (site, le) (rate(${selector(`${base}_bucket`, m)}[${WINDOW}]))) > ${thresholdInSeries(b)}`,
    "and on (site)",
    `sum by (site) (increase(${selector(`${base}_count`, m)}[${WINDOW}])) >= ${b.minSamples}`,
  ].join("\n");
}

export type BudgetAlertRule = {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
};

export function budgetAlertRule(b: DefaultVitalBudget): BudgetAlertRule {
  const subject = budgetSubject(b);
  const limit = METRICS[b.metric].format(b.threshold);
  return {
    alert: budgetAlertName(b),
    expr: budgetAlertExpr(b),
    ...(b.forMinutes > 0 ? { for: `${b.forMinutes}m` } : {}),
    labels: {
      severity: "budget",
      metric: b.metric,
      percentile: String(b.percentile),
    },
    annotations: {
      summary: `${subject} above its budget of ${limit} on site ${SITE_TEMPLATE}`,
      description:
        `The ${b.percentile}th percentile of ${b.metric} over the last ${WINDOW} has stayed above ${limit} on site ${SITE_TEMPLATE} ` +
        `for ${b.forMinutes} minutes, with at least ${b.minSamples} samples in the window.`,
      runbook_url: BUDGET_RUNBOOK,
    },
  };
}

/** Refuses budgets the rules cannot express or test, naming them; and two budgets with one alert name. */
export function checkBudgets(budgets: readonly DefaultVitalBudget[]): void {
  const names = new Set<string>();
  for (const b of budgets) {
    const name = budgetAlertName(b);
    const edges = vitalBuckets(b.metric);
    const t = thresholdInSeries(b);
    if (!(t > edges[0]! && t < edges.at(-1)!))
      throw new Error(`budget ${name}: threshold must lie between the histogram's first and last bucket edges`);
    if (names.has(name)) throw new Error(`two budgets give the alert name ${name}`);
    names.add(name);
  }
}

export const budgetRuleGroups = (budgets: readonly DefaultVitalBudget[]) => {
  checkBudgets(budgets);
  return { groups: [{ name: "vigil-webvitals-budgets", rules: budgets.map(budgetAlertRule) }] };
};

// promtool cases: the tested site's samples (slow, fast or too few) beside a healthy site's many fast samples.
const SITES = { tested: "shop", healthy: "vigil" } as const;
const MINUTES = 20;

function histogramSeries(b: DefaultVitalBudget, site: string, perMinute: number, value: number): InputSeries[] {
  const base = vitalMetricName(b.metric);
  const labels = `site=${promqlString(site)},route=${promqlString(b.route === "*" ? "/" : b.route)},device=${promqlString(b.device === "all" ? "mobile" : b.device)}`;
  const counter = (inc: number) => counterValues([{ minutes: MINUTES, inc }]);
  return [
    ...vitalBuckets(b.metric).map((le) => ({
      series: `${base}_bucket{${labels},le="${le}"}`,
      values: counter(value <= le ? perMinute : 0),
    })),
    { series: `${base}_bucket{${labels},le="+Inf"}`, values: counter(perMinute) },
    { series: `${base}_count{${labels}}`, values: counter(perMinute) },
  ];
}

export function budgetRuleTests(budgets: readonly DefaultVitalBudget[], rulesFile: string) {
  checkBudgets(budgets);
  const tests = budgets.flatMap((b) => {
    const name = budgetAlertName(b);
    const edges = vitalBuckets(b.metric);
    const slow = edges.at(-1)! * 2; // in the +Inf bucket: the quantile reads the last finite edge
    const fast = edges[0]! / 2; // in the first bucket: the quantile stays under the first edge
    const many = Math.max(10, Math.ceil(b.minSamples / 2));
    const few = b.minSamples / 10; // 5 minutes hold at most 6 × few < minSamples
    const rule = budgetAlertRule(b);
    const fired = {
      exp_labels: { ...rule.labels, site: SITES.tested },
      exp_annotations: Object.fromEntries(
        Object.entries(rule.annotations).map(([k, v]) => [k, v.replaceAll(SITE_TEMPLATE, SITES.tested)]),
      ),
    };
    const settled = `${MINUTES - 2}m`;
    const group = (title: string, series: InputSeries[], checks: { eval_time: string; exp_alerts: unknown[] }[]) => ({
      name: `${name}: ${title}`,
      interval: "1m",
      input_series: [...series, ...histogramSeries(b, SITES.healthy, many * 10, fast)],
      alert_rule_test: checks.map((c) => ({ alertname: name, ...c })),
    });
    return [
      group(
        `fires on slow samples of site ${SITES.tested} only, after ${b.forMinutes} min`,
        histogramSeries(b, SITES.tested, many, slow),
        [
          ...(b.forMinutes > 2 ? [{ eval_time: "2m", exp_alerts: [] }] : []),
          { eval_time: settled, exp_alerts: [fired] },
        ],
      ),
      group("does not fire on fast samples", histogramSeries(b, SITES.tested, many, fast), [
        { eval_time: settled, exp_alerts: [] },
      ]),
      group(
        `does not fire on slow samples fewer than minSamples ${b.minSamples}`,
        histogramSeries(b, SITES.tested, few, slow),
        [{ eval_time: settled, exp_alerts: [] }],
      ),
    ];
  });
  return { rule_files: [rulesFile], evaluation_interval: "1m", tests };
}
