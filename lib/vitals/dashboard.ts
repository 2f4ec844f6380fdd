import "server-only";
import { drawnBudgets, type DrawnBudgets } from "@/lib/vitals/budget-pick";
import { listBudgets } from "@/lib/vitals/budget-repository";
import type { VitalBudget } from "@/lib/vitals/budget-spec";
import type { MetricName } from "@/lib/vitals/metrics";
import {
  byRoute,
  series,
  summaryByMetric,
  type AttributionRow,
  type RouteRow,
  type SeriesPoint,
  type Summary,
} from "@/lib/vitals/read-model";
import {
  readGrainRollups,
  readPoorTargets,
  readRoutes,
  readTopRouteRollups,
  readWindowRollups,
} from "@/lib/vitals/rollup-repository";
import type { VitalsSearchParams } from "@/lib/vitals/search-params";
import { WINDOWS, windowPlanFor } from "@/lib/vitals/window";

const ATTRIBUTION_MAX_HOURS = 7 * 24;
const TOP_ROUTES = 50;

export type VitalsDashboard = {
  params: VitalsSearchParams;
  range: { start: string; end: string; grain: "hour" | "day" };
  summary: Record<MetricName, Summary>;
  routes: RouteRow[];
  series: SeriesPoint[];
  /** The line drawn per metric at the percentile, route and device shown. */
  budgets: DrawnBudgets;
  /** Every budget of the site (the Budgets card). */
  budgetList: VitalBudget[];
  attribution: { LCP: AttributionRow[]; INP: AttributionRow[]; sinceHours: number };
  routeOptions: string[];
};

/** Everything the Web Vitals page shows, from rollups (fast at any window) plus raw rows for attribution. */
export async function loadVitalsDashboard(
  siteId: number,
  params: VitalsSearchParams,
  now = new Date(),
): Promise<VitalsDashboard> {
  const plan = windowPlanFor(params.window, now);
  const filter = { route: params.route, device: params.device };
  const grain = WINDOWS[params.window] <= 7 * 24 ? "hour" : "day";
  const attributionHours = Math.min(WINDOWS[params.window], ATTRIBUTION_MAX_HOURS);
  const attributionRange = { from: new Date(plan.end.getTime() - attributionHours * 3_600_000), to: plan.end };
  const seriesRange = {
    from: grain === "day" ? new Date(Math.floor(plan.start.getTime() / 86_400_000) * 86_400_000) : plan.start,
    to: plan.end,
  };
  const [rows, perRouteRows, seriesRows, budgets, lcp, inp, routeRows] = await Promise.all([
    readWindowRollups(siteId, plan, filter),
    readTopRouteRollups(siteId, plan, { ...filter, metric: params.metric }, TOP_ROUTES),
    readGrainRollups(siteId, grain, seriesRange, { ...filter, metric: params.metric }),
    listBudgets(siteId),
    readPoorTargets(siteId, "LCP", attributionRange, filter),
    readPoorTargets(siteId, "INP", attributionRange, filter),
    readRoutes(siteId, plan),
  ]);
  const p = params.p / 100;
  const summary = summaryByMetric(rows, p);
  return {
    params,
    range: { start: plan.start.toISOString(), end: plan.end.toISOString(), grain },
    summary,
    routes: byRoute(perRouteRows, params.metric, p, summary[params.metric].count),
    series: series(seriesRows, params.metric, p),
    budgets: drawnBudgets(budgets, { p: params.p, route: params.route, device: params.device }),
    budgetList: budgets,
    attribution: { LCP: lcp, INP: inp, sinceHours: attributionHours },
    routeOptions: routeRows.map((r) => r.route),
  };
}
