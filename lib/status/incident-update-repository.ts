import "server-only";
import { db, type DbClient, type Prisma } from "@/lib/db";

export type IncidentUpdate = Prisma.IncidentUpdateGetPayload<object>;

export function insertIncidentUpdate(
  data: Pick<IncidentUpdate, "siteId" | "incidentId" | "author" | "status" | "body" | "public"> & { at?: Date },
  client: DbClient = db,
): Promise<IncidentUpdate> {
  return client.incidentUpdate.create({ data });
}

/** An incident's updates, oldest first; `publicOnly` for the status page. */
export function incidentUpdates(
  siteId: number,
  incidentIds: bigint[],
  { publicOnly }: { publicOnly: boolean },
  client: DbClient = db,
): Promise<IncidentUpdate[]> {
  if (incidentIds.length === 0) return Promise.resolve([]);
  return client.incidentUpdate.findMany({
    where: { siteId, incidentId: { in: incidentIds }, ...(publicOnly ? { public: true } : {}) },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
}

/** An incident of this site with its monitor's name, or null (another site's incident is not found). */
export function findSiteIncident(siteId: number, id: bigint, client: DbClient = db) {
  return client.incident.findUnique({
    where: { siteId_id: { siteId, id } },
    include: { monitor: { select: { slug: true, name: true } } },
  });
}
