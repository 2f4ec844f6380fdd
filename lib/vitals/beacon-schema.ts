import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";
import { METRIC_NAMES, METRICS } from "@/lib/vitals/metrics";

export const MAX_BEACON_BYTES = 64 * 1024;
export const MAX_METRICS_PER_BEACON = 50;

export const NAVIGATION_TYPES = [
  "navigate",
  "reload",
  "back-forward",
  "back-forward-cache",
  "prerender",
  "restore",
  "soft-navigation",
] as const;
export const CONNECTIONS = ["slow-2g", "2g", "3g", "4g"] as const;
export const DEVICES = ["mobile", "tablet", "desktop"] as const;
export type Device = (typeof DEVICES)[number];

export const RouteTemplate = storableString()
  .min(1)
  .max(200)
  .regex(/^\/[^\s?#]*$/, "must be a path template starting with / (no query or fragment)");

const Attribution = z
  .object({ target: storableString().max(256).optional(), type: storableString().max(64).optional() })
  .strip();

export const VitalMetric = z
  .object({
    name: z.enum(METRIC_NAMES),
    // z.number() already refuses NaN and ±Infinity; JSON cannot carry them anyway, but 1e999 parses to Infinity.
    value: z.number().nonnegative(),
    id: storableString().min(1).max(64),
    route: RouteTemplate.optional(),
    attribution: Attribution.optional(),
  })
  .strip()
  .superRefine((m, ctx) => {
    if (m.value > METRICS[m.name].max)
      ctx.addIssue({ code: "custom", path: ["value"], message: `${m.name} must be at most ${METRICS[m.name].max}` });
  });
export type VitalMetric = z.infer<typeof VitalMetric>;

/** A site's public key (`pk_` + 24 base62 characters): names the site, proves nothing (it is in page HTML). */
export const SitePublicKey = z.string().regex(/^pk_[A-Za-z0-9]{24}$/, "must be a site public key (pk_…)");

export const VitalsBeacon = z
  .object({
    v: z.literal(1),
    site: SitePublicKey.optional(),
    pageViewId: z.string().regex(/^[\w-]{8,64}$/, "must be 8–64 characters of [A-Za-z0-9_-]"),
    route: RouteTemplate,
    navigationType: z.enum(NAVIGATION_TYPES).optional(),
    connection: z.enum(CONNECTIONS).optional(),
    device: z.enum(DEVICES).optional(),
    metrics: z.array(VitalMetric).min(1).max(MAX_METRICS_PER_BEACON),
  })
  .strip();
export type VitalsBeacon = z.infer<typeof VitalsBeacon>;
