import "server-only";
import { db, type Prisma, type DbClient } from "@/lib/db";
import type { Interval, Recurrence } from "@/lib/maintenance/expand";

export type MaintenanceRow = Prisma.MaintenanceWindowGetPayload<object> & { recurrence: Recurrence };
export type MaintenanceFields = Pick<
  MaintenanceRow,
  "title" | "startsAt" | "endsAt" | "recurrence" | "weekdays" | "until" | "monitorIds"
>;

const DAY = 86_400_000;

/** Every window of a site, the newest first (bounded by MAINTENANCE_LIMITS.perSite on write). */
export function listMaintenance(siteId: number, client: DbClient = db): Promise<MaintenanceRow[]> {
  return client.maintenanceWindow.findMany({
    where: { siteId },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
  }) as Promise<MaintenanceRow[]>;
}

/** The windows that may have an occurrence overlapping the range (recurring ones by their first day and until). */
export function maintenanceOverlapping(
  siteId: number,
  range: Interval,
  client: DbClient = db,
): Promise<MaintenanceRow[]> {
  return client.maintenanceWindow.findMany({
    where: {
      siteId,
      OR: [
        { recurrence: "none", startsAt: { lt: range.to }, endsAt: { gt: range.from } },
        {
          recurrence: { not: "none" },
          startsAt: { lt: range.to },
          // An occurrence starting on `until` may last up to a day.
          OR: [{ until: null }, { until: { gte: new Date(range.from.getTime() - 2 * DAY) } }],
        },
      ],
    },
  }) as Promise<MaintenanceRow[]>;
}

export function findMaintenance(id: bigint, client: DbClient = db): Promise<MaintenanceRow | null> {
  return client.maintenanceWindow.findFirst({ where: { id } }) as Promise<MaintenanceRow | null>;
}

export function countMaintenance(siteId: number, client: DbClient = db): Promise<number> {
  return client.maintenanceWindow.count({ where: { siteId } });
}

export async function insertMaintenance(
  siteId: number,
  fields: MaintenanceFields,
  createdBy: string | null,
  client: DbClient = db,
): Promise<bigint> {
  const row = await client.maintenanceWindow.create({ data: { siteId, ...fields, createdBy }, select: { id: true } });
  return row.id;
}

export async function updateMaintenance(
  id: bigint,
  fields: MaintenanceFields,
  client: DbClient = db,
): Promise<boolean> {
  const { count } = await client.maintenanceWindow.updateMany({ where: { id }, data: fields });
  return count === 1;
}

export async function deleteMaintenance(id: bigint, client: DbClient = db): Promise<boolean> {
  const { count } = await client.maintenanceWindow.deleteMany({ where: { id } });
  return count === 1;
}
