import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";
import { siteHref } from "@/lib/sites/site-href";
import { SiteSlug } from "@/lib/sites/site-input";
import { DEVICES } from "@/lib/vitals/beacon-schema";
import { METRIC_NAMES } from "@/lib/vitals/metrics";
import { WINDOWS, type WindowKey } from "@/lib/vitals/window";

export const PERCENTILES = [50, 75, 90, 95, 99] as const;

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
// Unknown or malformed values fall back to defaults instead of failing the page: URLs get hand-edited.
export const VitalsSearchParams = z.object({
  window: z.preprocess(first, z.enum(Object.keys(WINDOWS) as [WindowKey, ...WindowKey[]]).catch("7d")).default("7d"),
  p: z
    .preprocess(
      first,
      z.coerce
        .number()
        .pipe(
          z.union(
            PERCENTILES.map((p) => z.literal(p)) as [
              z.ZodLiteral<50>,
              z.ZodLiteral<75>,
              z.ZodLiteral<90>,
              z.ZodLiteral<95>,
              z.ZodLiteral<99>,
            ],
          ),
        )
        .catch(75),
    )
    .default(75),
  metric: z.preprocess(first, z.enum(METRIC_NAMES).catch("LCP")).default("LCP"),
  device: z.preprocess(first, z.enum(DEVICES).optional().catch(undefined)),
  route: z.preprocess(first, storableString().max(200).regex(/^\//).optional().catch(undefined)),
  /** The site's slug; which sites exist is the page's concern (an unknown one is its 404). */
  site: z.preprocess(first, SiteSlug.optional().catch(undefined)),
});
export type VitalsSearchParams = z.infer<typeof VitalsSearchParams>;

/** Builds a /admin/vitals URL with one or more params changed; defaults are left out to keep URLs short, the site kept. */
export function vitalsHref(current: VitalsSearchParams, change: Partial<VitalsSearchParams>): string {
  const next = { ...current, ...change };
  const q = new URLSearchParams();
  if (next.window !== "7d") q.set("window", next.window);
  if (next.p !== 75) q.set("p", String(next.p));
  if (next.metric !== "LCP") q.set("metric", next.metric);
  if (next.device) q.set("device", next.device);
  if (next.route) q.set("route", next.route);
  const s = q.toString();
  return siteHref(s ? `/admin/vitals?${s}` : "/admin/vitals", next.site);
}
