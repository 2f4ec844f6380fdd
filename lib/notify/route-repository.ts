import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { ChannelKind } from "@/lib/notify/delivery-request";
import type { RouteSeverity } from "@/lib/notify/route-input";

export type RouteRecord = {
  severity: RouteSeverity;
  channelId: string;
  channelName: string;
  channelKind: ChannelKind;
  channelEnabled: boolean;
};

/** The routes of one site, by severity then channel name (at most a few dozen: 4 severities × channels). */
export async function listRoutes(siteId: number, client: DbClient = db): Promise<RouteRecord[]> {
  const rows = await client.notificationRoute.findMany({
    where: { siteId },
    select: { severity: true, channelId: true, channel: { select: { name: true, kind: true, enabled: true } } },
    take: 400,
  });
  const order = ["page", "ticket", "budget", "info"];
  return rows
    .map((r) => ({
      severity: r.severity,
      channelId: r.channelId,
      channelName: r.channel.name,
      channelKind: r.channel.kind,
      channelEnabled: r.channel.enabled,
    }))
    .sort(
      (a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || a.channelName.localeCompare(b.channelName),
    );
}

/** Adds (site, severity, channel) for each severity; ones that exist already are kept. Returns how many are new. */
export async function insertRoutes(
  siteId: number,
  channelId: string,
  severities: readonly RouteSeverity[],
  client: DbClient = db,
): Promise<number> {
  const { count } = await client.notificationRoute.createMany({
    data: severities.map((severity) => ({ siteId, severity, channelId })),
    skipDuplicates: true,
  });
  return count;
}

export async function deleteRoute(
  key: { siteId: number; severity: RouteSeverity; channelId: string },
  client: DbClient = db,
): Promise<boolean> {
  const { count } = await client.notificationRoute.deleteMany({ where: key });
  return count === 1;
}

export async function routeExists(
  key: { siteId: number; severity: RouteSeverity; channelId: string },
  client: DbClient = db,
): Promise<boolean> {
  return (await client.notificationRoute.count({ where: key })) === 1;
}
