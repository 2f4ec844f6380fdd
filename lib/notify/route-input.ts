import { z } from "zod";
import { SiteSlug } from "@/lib/sites/site-input";

/** The routing classes (docs/NOTIFICATIONS.md): what a route takes, in the order Settings lists them. */
export const ROUTE_SEVERITIES = ["page", "ticket", "budget", "info"] as const;
export type RouteSeverity = (typeof ROUTE_SEVERITIES)[number];

export const SEVERITY_LABELS: Record<RouteSeverity, string> = {
  page: "Page (fast SLO burn, uptime incidents)",
  ticket: "Ticket (slow SLO burn)",
  budget: "Budget (web-vitals budget alerts)",
  info: "Info (tests and notices)",
};

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** A new route from Settings: one channel, one or more severities (each stored as its own route). */
export const RouteInput = z
  .object({
    site: SiteSlug,
    channelId: z.string().min(1, "Choose a channel.").max(64, "Choose a channel."),
    page: checkbox,
    ticket: checkbox,
    budget: checkbox,
    info: checkbox,
  })
  .transform(({ site, channelId, ...ticked }) => ({
    site,
    channelId,
    severities: ROUTE_SEVERITIES.filter((s) => ticked[s]),
  }))
  .refine((v) => v.severities.length > 0, { path: ["page"], message: "Tick at least one severity." });
export type RouteInput = z.infer<typeof RouteInput>;
export const ROUTE_FIELDS = ["site", "channelId", ...ROUTE_SEVERITIES] as const;
export type RouteField = (typeof ROUTE_FIELDS)[number];

/** One route named by its key, as the remove and test buttons post it. */
export const RouteKey = z.object({
  op: z.enum(["test", "delete"]),
  site: SiteSlug,
  severity: z.enum(ROUTE_SEVERITIES),
  channelId: z.string().min(1).max(64),
});
export type RouteKey = z.infer<typeof RouteKey>;
