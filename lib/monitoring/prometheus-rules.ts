import { SLO_WINDOWS } from "@/lib/slo/spec";
import { eq, promDuration, selector } from "./promql";
import { badRate, errorRatio, SITE, totalIncrease, totalRate } from "./sli";
import { BASE_RATE_WINDOW, type AlertPlan, type SloPlan } from "./slo-plan";

// Recording-rule names (documented in monitoring/README.md): Sloth's scheme with a `window` label on the ratios.
export const RECORD = {
  errorRatio: (w: string) => `slo:sli_error:ratio_rate${w}`,
  eventsRate: `slo:sli_events:rate${BASE_RATE_WINDOW}`,
  badEventsRate: `slo:sli_bad_events:rate${BASE_RATE_WINDOW}`,
  objective: "slo:objective:ratio",
  errorBudget: "slo:error_budget:ratio",
  periodDays: "slo:period:days",
  budgetRemaining: "slo:error_budget_remaining:ratio",
  info: "slo:info",
} as const;

export type RecordingRule = { record: string; expr: string; labels: Record<string, string> };
export type AlertingRule = {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
};
export type RuleGroup = { name: string; rules: (RecordingRule | AlertingRule)[] };

const own = (p: SloPlan, metric: string) => selector(metric, [eq("slo", p.spec.id)]);

function recordingRules(p: SloPlan): RecordingRule[] {
  const slo = p.spec.id;
  const ratios = p.windows.map((w) => ({
    record: RECORD.errorRatio(w),
    expr: errorRatio(p.source, w),
    labels: { slo, window: w },
  }));
  return [
    ...ratios,
    { record: RECORD.eventsRate, expr: totalRate(p.source, BASE_RATE_WINDOW), labels: { slo } },
    { record: RECORD.badEventsRate, expr: badRate(p.source, BASE_RATE_WINDOW), labels: { slo } },
    // Summing 5-minute rates weighs every moment by its traffic, and costs far less than a 30-day rate() of raw series.
    {
      record: RECORD.errorRatio(p.period),
      expr: `sum_over_time(${own(p, RECORD.badEventsRate)}[${p.period}])\n/\nsum_over_time(${own(p, RECORD.eventsRate)}[${p.period}])`,
      labels: { slo, window: p.period },
    },
    { record: RECORD.objective, expr: `vector(${p.spec.objective})`, labels: { slo } },
    { record: RECORD.errorBudget, expr: `vector(${p.errorBudget})`, labels: { slo } },
    { record: RECORD.periodDays, expr: `vector(${SLO_WINDOWS[p.spec.window]})`, labels: { slo } },
    {
      record: RECORD.budgetRemaining,
      expr: `1 - max without (window) (${own(p, RECORD.errorRatio(p.period))}) / ${p.errorBudget}`,
      labels: { slo },
    },
    {
      record: RECORD.info,
      expr: "vector(1)",
      labels: { slo, slo_name: p.spec.name, kind: p.spec.kind, owner: p.spec.owner, slo_window: p.spec.window },
    },
  ];
}

export function alertExpr(p: SloPlan, a: AlertPlan): string {
  if (a.type === "absent") {
    // absent() cannot name the site that went quiet: compare the sites that had events in the SLO window (as the
    // app does) with those that have some now. The recorded rate outlives a restart's vanished series there.
    const events = own(p, RECORD.eventsRate);
    return `(max_over_time(${events}[${p.period}]) > 0)\nunless on (${SITE})\n(${events} > 0)`;
  }
  const burning = (w: string) => `max without (window) (${own(p, RECORD.errorRatio(w))} > ${a.threshold})`;
  const guard =
    p.spec.alerting.minEvents > 0
      ? `\nand on (${SITE})\n(${totalIncrease(p.source, a.long)} >= ${p.spec.alerting.minEvents})`
      : "";
  return `(\n  ${burning(a.long)}\nand\n  ${burning(a.short)}\n)${guard}`;
}

const forOf = (a: AlertPlan) => {
  const minutes = a.type === "absent" ? a.minutes : a.rule.forMinutes;
  return minutes > 0 ? { for: promDuration(minutes * 60_000) } : {};
};

export const ruleGroup = (p: SloPlan): RuleGroup => ({
  name: `slo-${p.spec.id}`,
  rules: [
    ...recordingRules(p),
    ...p.alerts.map(
      (a): AlertingRule => ({
        alert: a.name,
        expr: alertExpr(p, a),
        ...forOf(a),
        labels: a.labels,
        annotations: a.annotations,
      }),
    ),
  ],
});

/** A note for the file when rules cannot hold for this objective (an error ratio never exceeds 100 %). */
export const skippedNote = (p: SloPlan) =>
  p.skipped.length === 0
    ? undefined
    : ` Left out for objective ${p.spec.objective}, as an error ratio never exceeds 100 %: ` +
      `${p.skipped.map((s) => `${s.rule.id} (${s.rule.factor}× needs ${Math.round(s.threshold * 100)} %)`).join(", ")}.`;
