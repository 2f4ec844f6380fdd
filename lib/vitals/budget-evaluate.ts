import { BUDGET_WINDOW_MINUTES, budgetSubject, type VitalBudget } from "@/lib/vitals/budget-spec";
import { METRICS } from "@/lib/vitals/metrics";

// Whether a budget is breached now, from the percentile of its recent samples. Pure: the samples' percentile comes
// from Postgres (percentile_cont), and `percentileCont` below is the same definition for tests and small inputs.

/** What the samples of the window say: the percentile (null without samples) and how many samples there were. */
export type BudgetSample = { value: number | null; samples: number };

export type BudgetFigures = {
  rule: "budget";
  metric: VitalBudget["metric"];
  percentile: number;
  threshold: number;
  value: number | null;
  samples: number;
  minSamples: number;
  windowMinutes: number;
  route: string;
  device: string;
};

export type BudgetVerdict = {
  holds: boolean;
  /** over: breached with enough samples; under: within budget; low-samples: over, but fewer than minSamples. */
  reason: "over" | "under" | "low-samples" | "no-data";
  figures: BudgetFigures;
};

/** Continuous percentile (linear interpolation between closest ranks), as Postgres' percentile_cont computes it. */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = fraction * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

/** The alert holds when the percentile is strictly above the threshold and the window had at least minSamples. */
export function evaluateBudget(budget: VitalBudget, sample: BudgetSample): BudgetVerdict {
  const figures: BudgetFigures = {
    rule: "budget",
    metric: budget.metric,
    percentile: budget.percentile,
    threshold: budget.threshold,
    value: sample.value,
    samples: sample.samples,
    minSamples: budget.minSamples,
    windowMinutes: BUDGET_WINDOW_MINUTES,
    route: budget.route,
    device: budget.device,
  };
  if (sample.value === null || sample.samples === 0) return { holds: false, reason: "no-data", figures };
  if (sample.value <= budget.threshold) return { holds: false, reason: "under", figures };
  if (sample.samples < budget.minSamples) return { holds: false, reason: "low-samples", figures };
  return { holds: true, reason: "over", figures };
}

const formatValue = (f: Pick<BudgetFigures, "metric">, v: number) => METRICS[f.metric].format(v);

/** "p95 LCP 3.10 s > budget 2.50 s on /checkout (mobile)": the alert's title on screen and in notifications. */
export function budgetAlertHeadline(f: BudgetFigures): string {
  const subject = budgetSubject({
    metric: f.metric,
    percentile: f.percentile as VitalBudget["percentile"],
    route: f.route,
    device: f.device as VitalBudget["device"],
  });
  const [p, metric, ...where] = subject.split(" ");
  const value = f.value === null ? "no data" : formatValue(f, f.value);
  const op = f.value !== null && f.value > f.threshold ? ">" : "≤";
  const tail = where.length ? ` ${where.join(" ")}` : "";
  return `${p} ${metric} ${value} ${op} budget ${formatValue(f, f.threshold)}${tail}`;
}

/** One line with the numbers: the headline, the sample count and the window. */
export function budgetAlertSummary(f: BudgetFigures): string {
  return `${budgetAlertHeadline(f)}: ${f.samples} sample${f.samples === 1 ? "" : "s"} in the last ${f.windowMinutes} min (at least ${f.minSamples} needed).`;
}
