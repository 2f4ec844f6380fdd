import { DEFAULT_GROUPS, type SloSpec } from "@/lib/slo/spec";

type RequestSpec = Extract<SloSpec, { kind: "availability" | "latency" }>;

/** Whether an SLO has one budget per route, and for how many routes at most. */
export function groupLimit(spec: SloSpec): number {
  if (spec.kind !== "availability" && spec.kind !== "latency") return 0;
  return spec.groupBy === "route" ? (spec.maxGroups ?? DEFAULT_GROUPS) : 0;
}

/** The spec one route of a grouped SLO is measured with: that route only, named after it. */
export function routeSpec(spec: RequestSpec, route: string): RequestSpec {
  const { groupBy: _g, maxGroups: _m, routePrefix: _p, ...rest } = spec;
  return { ...rest, name: `${spec.name} · ${route}`, routes: [route] };
}
