import "server-only";
import { db, type DbClient, type Prisma } from "@/lib/db";

export type Incident = Prisma.IncidentGetPayload<object>;
export type IncidentWithMonitor = Incident & { monitor: { slug: string; name: string } };

export function openIncidentOf(monitorId: string, client: DbClient = db): Promise<Incident | null> {
  return client.incident.findFirst({ where: { monitorId, resolvedAt: null } });
}

export async function openIncidentMonitorIds(client: DbClient = db): Promise<string[]> {
  return (await client.incident.findMany({ where: { resolvedAt: null }, select: { monitorId: true } })).map(
    (i) => i.monitorId,
  );
}

export function openIncident(
  data: Pick<Incident, "monitorId" | "openedAt" | "failures" | "cause">,
  client: DbClient = db,
): Promise<Incident> {
  return client.incident.create({ data });
}

export function resolveIncident(id: bigint, resolvedAt: Date, client: DbClient = db): Promise<Incident> {
  return client.incident.update({ where: { id }, data: { resolvedAt } });
}

/** One more failed check while the incident is open. */
export function countIncidentFailure(id: bigint, client: DbClient = db): Promise<Incident> {
  return client.incident.update({ where: { id }, data: { failures: { increment: 1 } } });
}

/** Open incidents, then the most recent ones (open or resolved) since `since`, newest first. */
export function recentIncidents(since: Date, limit: number, client: DbClient = db): Promise<IncidentWithMonitor[]> {
  return client.incident.findMany({
    where: { OR: [{ resolvedAt: null }, { openedAt: { gte: since } }, { resolvedAt: { gte: since } }] },
    orderBy: { openedAt: "desc" },
    take: limit,
    include: { monitor: { select: { slug: true, name: true } } },
  });
}
