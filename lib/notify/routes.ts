import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findChannel } from "@/lib/notify/channel-repository";
import type { NotificationEvent } from "@/lib/notify/event";
import { enqueueNotificationFor } from "@/lib/notify/outbox-repository";
import type { RouteInput, RouteKey, RouteSeverity } from "@/lib/notify/route-input";
import { deleteRoute, insertRoutes, listRoutes, routeExists, type RouteRecord } from "@/lib/notify/route-repository";
import { findSiteBySlug, type Site } from "@/lib/sites/site-repository";

export type RouteView = RouteRecord;

/** The routes of a site as Settings lists them; none means the site's events go to every enabled channel. */
export const loadRoutes = (siteId: number): Promise<RouteView[]> => listRoutes(siteId);

async function siteOf(slug: string): Promise<Site> {
  const site = await findSiteBySlug(slug);
  if (!site) throw new AppError("not_found", "That site no longer exists.");
  return site;
}

/** Routes the channel for each severity ticked; returns how many routes are new. */
export async function addRoutes(input: RouteInput): Promise<number> {
  const site = await siteOf(input.site);
  if (!(await findChannel(input.channelId)))
    throw new AppError("not_found", "That channel no longer exists.", {
      details: [{ path: "channelId", message: "Choose a channel from the list." }],
    });
  return insertRoutes(site.id, input.channelId, input.severities);
}

export async function removeRoute(key: Omit<RouteKey, "op">): Promise<void> {
  const site = await siteOf(key.site);
  if (!(await deleteRoute({ siteId: site.id, severity: key.severity, channelId: key.channelId })))
    throw new AppError("not_found", "That route no longer exists.");
}

/** A `test` event that names the site and severity, as a real event through this route would. */
export function routeTestEvent(
  site: Pick<Site, "slug" | "name">,
  severity: RouteSeverity,
  channel: { name: string },
  now: Date,
): NotificationEvent {
  return {
    key: `test:${randomUUID()}`,
    type: "test",
    severity,
    title: `Test notification from Vigil: ${site.name}, ${severity}`,
    summary: `Sent from Settings through the route “${site.name} · ${severity}” to the channel “${channel.name}”. ${site.name}'s ${severity} events reach this channel.`,
    path: `/admin/alerts?site=${site.slug}`,
    at: now.toISOString(),
    data: { site: site.slug, route: { severity, channel: channel.name } },
  };
}

/** Queues a test through the route's channel only (the outbox sends it within seconds). */
export async function sendRouteTest(key: Omit<RouteKey, "op">, now = new Date()): Promise<NotificationEvent> {
  const site = await siteOf(key.site);
  if (!(await routeExists({ siteId: site.id, severity: key.severity, channelId: key.channelId })))
    throw new AppError("not_found", "That route no longer exists.");
  const channel = await findChannel(key.channelId);
  if (!channel) throw new AppError("not_found", "That channel no longer exists.");
  if (!channel.enabled) throw new AppError("bad_request", "Enable the channel before sending a test.");
  const event = routeTestEvent(site, key.severity, channel, now);
  await enqueueNotificationFor(db, channel.id, event);
  return event;
}
