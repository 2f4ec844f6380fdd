import "server-only";
import { db, type DbClient, type Prisma } from "@/lib/db";

export type Incident = Prisma.IncidentGetPayload<object>;
export type IncidentWithMonitor = Incident & { monitor: { slug: string; name: string } };

export function openIncidentOf(monitorId: string, client: DbClient = db): Promise<Incident | null> {
  return client.incident.findFirst({ where: { monitorId, resolvedAt: null } });
}

export async function openIncidentMonitorIds(siteId: number, client: DbClient = db): Promise<string[]> {
  return (await client.incident.findMany({ where: { siteId, resolvedAt: null }, select: { monitorId: true } })).map(
    (i) => i.monitorId,
  );
}

export function openIncident(
  data: Pick<Incident, "siteId" | "monitorId" | "openedAt" | "failures" | "cause">,
  client: DbClient = db,
): Promise<Incident> {
  return client.incident.create({ data });
}

type IncidentKey = Pick<Incident, "siteId" | "id">;
const keyOf = (i: IncidentKey) => ({ siteId_id: { siteId: i.siteId, id: i.id } });

export function resolveIncident(incident: IncidentKey, resolvedAt: Date, client: DbClient = db): Promise<Incident> {
  return client.incident.update({ where: keyOf(incident), data: { resolvedAt } });
}

/** One more failed check while the incident is open. */
export function countIncidentFailure(incident: IncidentKey, client: DbClient = db): Promise<Incident> {
  return client.incident.update({ where: keyOf(incident), data: { failures: { increment: 1 } } });
}

/** Open incidents of a site, then its most recent ones (open or resolved) since `since`, newest first. */
export function recentIncidents(
  siteId: number,
  since: Date,
  limit: number,
  client: DbClient = db,
): Promise<IncidentWithMonitor[]> {
  return client.incident.findMany({
    where: { siteId, OR: [{ resolvedAt: null }, { openedAt: { gte: since } }, { resolvedAt: { gte: since } }] },
    orderBy: { openedAt: "desc" },
    take: limit,
    include: { monitor: { select: { slug: true, name: true } } },
  });
}
