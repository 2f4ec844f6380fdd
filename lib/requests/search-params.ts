import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";
import { siteHref } from "@/lib/sites/site-href";
import { SiteSlug } from "@/lib/sites/site-input";
import { REQUEST_WINDOW_KEYS, type RequestWindowKey } from "@/lib/requests/window";

const DEFAULT_WINDOW: RequestWindowKey = "24h";
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

const windowKey = z.enum(REQUEST_WINDOW_KEYS);
// Route templates start with "/"; the telemetry layer's buckets for unknown paths are "(…)".
const route = storableString()
  .max(200)
  .regex(/^[/(][^\s]*$/, "a route template such as /api/v1/vitals");
const method = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,16}$/, "an HTTP method such as GET");

/** GET /api/admin/requests: wrong values are a 400, so API clients learn about their mistake. */
export const RequestsQuery = z.object({
  window: windowKey.default(DEFAULT_WINDOW),
  route: z.preprocess(blankToUndefined, route.optional()),
  method: z.preprocess(blankToUndefined, method.optional()),
});
export type RequestsQuery = z.infer<typeof RequestsQuery>;

// The page falls back to defaults instead: URLs get hand-edited and a page should still render.
export const RequestsSearchParams = z.object({
  window: z.preprocess(first, windowKey.catch(DEFAULT_WINDOW)).default(DEFAULT_WINDOW),
  route: z.preprocess((v) => blankToUndefined(first(v)), route.optional().catch(undefined)),
  method: z.preprocess((v) => blankToUndefined(first(v)), method.optional().catch(undefined)),
  /** The site's slug; which sites exist is the page's concern (an unknown one is its 404). */
  site: z.preprocess(first, SiteSlug.optional().catch(undefined)),
});
export type RequestsSearchParams = z.infer<typeof RequestsSearchParams>;

/** Builds a /admin/requests URL with params changed; the default window is left out to keep URLs short, the site kept. */
export function requestsHref(current: RequestsSearchParams, change: Partial<RequestsSearchParams>): string {
  const next = { ...current, ...change };
  const q = new URLSearchParams();
  if (next.window !== DEFAULT_WINDOW) q.set("window", next.window);
  if (next.route) q.set("route", next.route);
  if (next.method) q.set("method", next.method);
  const s = q.toString();
  return siteHref(s ? `/admin/requests?${s}` : "/admin/requests", next.site);
}
