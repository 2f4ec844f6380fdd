import "server-only";
import {
  byRoute,
  seriesOf,
  totalsOf,
  type RequestTotals,
  type RouteRow,
  type SeriesPoint,
} from "@/lib/requests/read-model";
import { readRequestCells, readRequestKeys, readRequestSteps } from "@/lib/requests/request-repository";
import type { RequestsQuery } from "@/lib/requests/search-params";
import { planRequestWindow, type RequestGrain, type RequestWindowKey } from "@/lib/requests/window";
import type { DbClient } from "@/lib/db";

const MAX_ROUTES = 100;

export type RequestsReport = {
  window: RequestWindowKey;
  filter: { route?: string; method?: string };
  range: { start: string; end: string; grain: RequestGrain; stepMinutes: number; elapsedMinutes: number };
  totals: RequestTotals;
  routes: RouteRow[];
  /** Routes with traffic under the filter; `routes` keeps the busiest MAX_ROUTES. */
  routeCount: number;
  series: SeriesPoint[];
  options: { routes: string[]; methods: string[] };
};

/** Everything the Requests page and GET /api/admin/requests show, from the rollups of the window's grain. */
export async function loadRequestsReport(
  siteId: number,
  query: RequestsQuery,
  now = new Date(),
  client?: DbClient,
): Promise<RequestsReport> {
  const plan = planRequestWindow(query.window, now);
  const filter = { route: query.route, method: query.method };
  const [cells, steps, keys] = await Promise.all([
    readRequestCells(siteId, plan, filter, client),
    readRequestSteps(siteId, plan, filter, client),
    readRequestKeys(siteId, plan, undefined, client),
  ]);
  const routes = byRoute(cells, plan.elapsedMinutes);
  return {
    window: plan.key,
    filter,
    range: {
      start: plan.start.toISOString(),
      end: plan.end.toISOString(),
      grain: plan.grain,
      stepMinutes: plan.stepMinutes,
      elapsedMinutes: plan.elapsedMinutes,
    },
    totals: totalsOf(cells, plan.elapsedMinutes),
    routes: routes.slice(0, MAX_ROUTES),
    routeCount: routes.length,
    series: seriesOf(steps, plan),
    options: {
      routes: [...new Set(keys.map((k) => k.route))],
      methods: [...new Set(keys.map((k) => k.method))].sort(),
    },
  };
}

/** Totals only, for the overview cards. */
export async function loadRequestTotals(
  siteId: number,
  window: RequestWindowKey,
  now = new Date(),
  client?: DbClient,
): Promise<RequestTotals> {
  const plan = planRequestWindow(window, now);
  return totalsOf(await readRequestCells(siteId, plan, {}, client), plan.elapsedMinutes);
}
