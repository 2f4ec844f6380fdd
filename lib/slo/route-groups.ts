import "server-only";
import { groupLimit, routeSpec } from "@/lib/slo/groups";
import { readTopRoutes } from "@/lib/slo/request-source-repository";
import { requestSelection } from "@/lib/slo/selection";
import { windowMs, type SloSpec } from "@/lib/slo/spec";
import { HOUR } from "@/lib/slo/windows";

export type RouteGroup = { route: string; spec: SloSpec };

/**
 * The routes a grouped SLO measures one by one: the busiest `maxGroups` routes of its selection over its window
 * (from its version's start), each as a spec of its own. Empty for SLOs without grouping.
 */
export async function routeGroups(siteId: number, spec: SloSpec, now: Date, since: Date | null): Promise<RouteGroup[]> {
  const limit = groupLimit(spec);
  if (limit === 0 || (spec.kind !== "availability" && spec.kind !== "latency")) return [];
  const windowStart = Math.floor((now.getTime() - windowMs(spec.window)) / HOUR) * HOUR;
  const from = new Date(Math.max(windowStart, since ? Math.floor(since.getTime() / HOUR) * HOUR : windowStart));
  const routes = await readTopRoutes(siteId, requestSelection(spec), from, limit);
  return routes.sort().map((route) => ({ route, spec: routeSpec(spec, route) }));
}
