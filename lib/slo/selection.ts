import type { SloSpec } from "@/lib/slo/spec";
import { PUBLIC_FILE, STATIC_ASSETS } from "@vigil/next/routes";

/** Route labels of assets, not application requests: never part of a request SLO unless listed by name. */
export const ASSET_ROUTES = [STATIC_ASSETS, "/_next/image", PUBLIC_FILE] as const;

/** Which request_rollups rows a request-based SLO counts; the repository turns it into SQL, `selects` mirrors it. */
export type RequestSelection = { routes: string[]; prefix: string | null; methods: string[]; exclude: string[] };

export function requestSelection(spec: Extract<SloSpec, { kind: "availability" | "latency" }>): RequestSelection {
  return {
    routes: spec.routes,
    prefix: spec.routePrefix ?? null,
    methods: spec.methods,
    exclude: ASSET_ROUTES.filter((r) => !spec.routes.includes(r)),
  };
}

/** Listed routes or routes under the prefix (every route when neither is set), of the listed methods (or all). */
export function selects(s: RequestSelection, route: string, method: string): boolean {
  if (s.exclude.includes(route)) return false;
  if (s.methods.length && !s.methods.includes(method)) return false;
  if (!s.routes.length && s.prefix === null) return true;
  return s.routes.includes(route) || (s.prefix !== null && route.startsWith(s.prefix));
}
