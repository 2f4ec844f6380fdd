import type { VitalBudget } from "@/lib/vitals/budget-spec";
import { METRIC_NAMES, METRICS, type MetricName } from "@/lib/vitals/metrics";

/** The line a chart draws: a stored budget's threshold, or the metric's "good" threshold when none applies. */
export type DrawnBudget = { threshold: number; custom: boolean; id: number | null };
export type DrawnBudgets = Record<MetricName, DrawnBudget>;

type View = { p: number; route?: string | undefined; device?: string | undefined };

/**
 * The budget the Web Vitals page draws for a metric at the percentile shown: the one for the route and device
 * filtered on, else the route's for every device, else every route's for that device, else every route's and device's.
 */
export function drawnBudget(budgets: readonly VitalBudget[], metric: MetricName, view: View): DrawnBudget {
  const route = view.route ?? "*";
  const device = view.device ?? "all";
  const same = budgets.filter((b) => b.metric === metric && b.percentile === view.p);
  const order: Array<[string, string]> = [
    [route, device],
    [route, "all"],
    ["*", device],
    ["*", "all"],
  ];
  for (const [r, d] of order) {
    const hit = same.find((b) => b.route === r && b.device === d);
    if (hit) return { threshold: hit.threshold, custom: true, id: hit.id };
  }
  return { threshold: METRICS[metric].thresholds[0], custom: false, id: null };
}

export function drawnBudgets(budgets: readonly VitalBudget[], view: View): DrawnBudgets {
  return Object.fromEntries(METRIC_NAMES.map((m) => [m, drawnBudget(budgets, m, view)])) as DrawnBudgets;
}
