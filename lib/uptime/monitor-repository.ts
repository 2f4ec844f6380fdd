import "server-only";
import { db, Prisma, type DbClient } from "@/lib/db";

export type Monitor = Prisma.MonitorGetPayload<object>;
export type MonitorKind = Monitor["kind"];
/** The columns an admin sets in Settings. */
export type MonitorFields = Pick<
  Monitor,
  | "name"
  | "method"
  | "url"
  | "expectedStatus"
  | "bodyContains"
  | "timeoutMs"
  | "intervalSeconds"
  | "failureThreshold"
  | "allowPrivate"
  | "graceSeconds"
>;

/** Monitors of one site. */
export function listMonitors(siteId: number, client: DbClient = db): Promise<Monitor[]> {
  return client.monitor.findMany({ where: { siteId }, orderBy: [{ builtIn: "desc" }, { name: "asc" }] });
}

// Monitor ids are cuids, unique across sites: a form or a job names a monitor by id alone (index on id).
export function findMonitor(id: string, client: DbClient = db): Promise<Monitor | null> {
  return client.monitor.findFirst({ where: { id } });
}

export function findMonitorBySlug(siteId: number, slug: string, client: DbClient = db): Promise<Monitor | null> {
  return client.monitor.findUnique({ where: { siteId_slug: { siteId, slug } } });
}

/** Enabled monitors whose next check (or heartbeat deadline) has come, oldest first. */
export function listDueMonitors(now: Date, limit: number, client: DbClient = db): Promise<Monitor[]> {
  return client.monitor.findMany({
    where: { enabled: true, nextCheckAt: { lte: now } },
    orderBy: { nextCheckAt: "asc" },
    take: limit,
  });
}

/** The id of the heartbeat monitor with this token: one unique-index read, no transaction, no lock. */
export async function findHeartbeatMonitorId(token: string, client: DbClient = db): Promise<string | null> {
  const found = await client.monitor.findFirst({
    where: { heartbeatToken: token, kind: "heartbeat" },
    select: { id: true },
  });
  return found?.id ?? null;
}

/**
 * Locks the monitor's row for the rest of the transaction, so a probe result and a heartbeat ping for the same
 * monitor apply one after the other (the incident rule reads what the other wrote).
 */
export async function lockMonitor(
  tx: DbClient,
  where: { id: string } | { heartbeatToken: string },
): Promise<Monitor | null> {
  const rows =
    "id" in where
      ? await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM monitors WHERE id = ${where.id} FOR UPDATE`
      : await tx.$queryRaw<
          Array<{ id: string }>
        >`SELECT id FROM monitors WHERE heartbeat_token = ${where.heartbeatToken} AND kind = 'heartbeat' FOR UPDATE`;
  return rows[0] ? tx.monitor.findFirst({ where: { id: rows[0].id } }) : null;
}

export function createMonitor(
  data: MonitorFields & Pick<Monitor, "siteId" | "slug" | "kind" | "heartbeatToken" | "nextCheckAt">,
  client: DbClient = db,
): Promise<Monitor> {
  return client.monitor.create({ data });
}

export async function updateMonitor(
  id: string,
  data: Partial<MonitorFields & Pick<Monitor, "slug" | "enabled" | "nextCheckAt" | "url">>,
  client: DbClient = db,
): Promise<Monitor> {
  const found = await client.monitor.findFirst({ where: { id }, select: { siteId: true } });
  // As Prisma's update would for a missing row (P2025): callers map it.
  if (!found) throw new Prisma.PrismaClientKnownRequestError("monitor not found", { code: "P2025", clientVersion: "" });
  return client.monitor.update({ where: { siteId_id: { siteId: found.siteId, id } }, data });
}

/** Deletes a monitor an admin created (its results and incidents go with it); never the built-in one. */
export async function deleteMonitor(id: string, client: DbClient = db): Promise<boolean> {
  const { count } = await client.monitor.deleteMany({ where: { id, builtIn: false } });
  return count === 1;
}

export function setNextCheck(
  monitor: Pick<Monitor, "siteId" | "id">,
  nextCheckAt: Date,
  extra: { lastPingAt?: Date } = {},
  client: DbClient = db,
) {
  return client.monitor.update({
    where: { siteId_id: { siteId: monitor.siteId, id: monitor.id } },
    data: { nextCheckAt, ...extra },
  });
}

/** Creates the built-in self-check, or points it at `url` if that changed; its enabled flag stays the admin's. */
export async function upsertBuiltInMonitor(
  spec: Pick<Monitor, "siteId" | "slug" | "name" | "url" | "intervalSeconds" | "timeoutMs" | "nextCheckAt">,
  client: DbClient = db,
): Promise<Monitor> {
  const found = await client.monitor.findUnique({ where: { siteId_slug: { siteId: spec.siteId, slug: spec.slug } } });
  if (!found) {
    return client.monitor.create({
      data: {
        ...spec,
        kind: "http",
        method: "GET",
        expectedStatus: 200,
        allowPrivate: true,
        builtIn: true,
        failureThreshold: 3,
      },
    });
  }
  if (found.url === spec.url && found.builtIn) return found;
  // Found but changed: only the URL follows the configuration; the schedule and enabled flag stay.
  return client.monitor.update({
    where: { siteId_id: { siteId: found.siteId, id: found.id } },
    data: { url: spec.url, builtIn: true },
  });
}
