import { burnRate, type Counts, NO_EVENTS } from "@/lib/slo/math";
import { burnRulesFor, type BurnRule, type RuleId } from "@/lib/slo/rules";
import type { SloSpec } from "@/lib/slo/spec";
import type { BudgetFigures } from "@/lib/vitals/budget-evaluate";
import { windowMs } from "@/lib/slo/spec";

/** Counts per window length in minutes, as measured at one instant. */
export type CountsByWindow = ReadonlyMap<number, Counts>;

export type BurnFigures = {
  rule: BurnRule["id"];
  factor: number;
  longMinutes: number;
  shortMinutes: number;
  long: Counts;
  short: Counts;
  longBurn: number | null;
  shortBurn: number | null;
  minEvents: number;
  objective: number;
};
/** burning: both windows over the factor; quiet: not; low-traffic: over, but the long window has < minEvents. */
export type BurnVerdict = {
  rule: BurnRule;
  holds: boolean;
  reason: "burning" | "quiet" | "low-traffic" | "no-data";
  figures: BurnFigures;
};

export type AbsentFigures = { rule: "absent"; absentMinutes: number; recent: Counts; window: Counts };
/** What an alert keeps of an evaluation: burn or absence figures, or why the rule could not be judged. */
export type AlertFigures = BurnFigures | AbsentFigures | { rule: RuleId; reason: string };
/** SLO rule figures, or a web-vitals budget's (percentile, threshold, samples): what `alerts.figures` holds. */
export type AnyAlertFigures = AlertFigures | BudgetFigures;
export type AbsentVerdict = { holds: boolean; figures: AbsentFigures };

export const sloWindowMinutes = (spec: SloSpec) => windowMs(spec.window) / 60_000;

/** Every window the evaluation of `spec` measures, in minutes: rule windows, the absent-data window, the SLO window. */
export function windowsToMeasure(spec: SloSpec): number[] {
  const minutes = burnRulesFor(spec.window).flatMap((r) => [r.longMinutes, r.shortMinutes]);
  if (spec.alerting.absentMinutes > 0) minutes.push(spec.alerting.absentMinutes);
  minutes.push(sloWindowMinutes(spec));
  return [...new Set(minutes)].sort((a, b) => a - b);
}

const countsIn = (counts: CountsByWindow, minutes: number) => counts.get(minutes) ?? NO_EVENTS;

/** A rule holds when both its windows burn strictly faster than its factor and the long one has enough events. */
export function evaluateBurnRules(spec: SloSpec, counts: CountsByWindow): BurnVerdict[] {
  return burnRulesFor(spec.window).map((rule) => {
    const long = countsIn(counts, rule.longMinutes);
    const short = countsIn(counts, rule.shortMinutes);
    const longBurn = burnRate(long, spec.objective);
    const shortBurn = burnRate(short, spec.objective);
    const figures: BurnFigures = {
      rule: rule.id,
      factor: rule.factor,
      longMinutes: rule.longMinutes,
      shortMinutes: rule.shortMinutes,
      long,
      short,
      longBurn,
      shortBurn,
      minEvents: spec.alerting.minEvents,
      objective: spec.objective,
    };
    if (longBurn === null || shortBurn === null) return { rule, holds: false, reason: "no-data", figures };
    if (!(longBurn > rule.factor && shortBurn > rule.factor)) return { rule, holds: false, reason: "quiet", figures };
    if (long.total < spec.alerting.minEvents) return { rule, holds: false, reason: "low-traffic", figures };
    return { rule, holds: true, reason: "burning", figures };
  });
}

/**
 * Absent data: no event in the last `absentMinutes` although the SLO window has some, so the source stopped
 * (probes no longer run, the app no longer reports). An SLO that never had data is "no data", not an alert:
 * a fresh install would otherwise open one per SLO. Null when turned off (absentMinutes 0).
 */
export function evaluateAbsent(spec: SloSpec, counts: CountsByWindow): AbsentVerdict | null {
  const absentMinutes = spec.alerting.absentMinutes;
  if (absentMinutes === 0) return null;
  const recent = countsIn(counts, absentMinutes);
  const window = countsIn(counts, sloWindowMinutes(spec));
  return { holds: recent.total === 0 && window.total > 0, figures: { rule: "absent", absentMinutes, recent, window } };
}
