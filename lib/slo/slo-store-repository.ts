import "server-only";
import { db, type DbClient, type Prisma } from "@/lib/db";

export type SloRow = {
  siteId: number;
  slo: string;
  spec: unknown;
  paused: boolean;
  version: number;
  versionStartedAt: Date;
  createdAt: Date;
  updatedAt: Date;
};
export type SloVersionRow = { version: number; spec: unknown; startedAt: Date; endedAt: Date | null };

const ROW = {
  siteId: true,
  slo: true,
  spec: true,
  paused: true,
  version: true,
  versionStartedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.SloSpecRowSelect;

/** A site's stored SLOs in creation order. */
export function readSloRows(siteId: number, client: DbClient = db): Promise<SloRow[]> {
  return client.sloSpecRow.findMany({ where: { siteId }, select: ROW, orderBy: { position: "asc" } });
}

export function readSloRow(siteId: number, slo: string, client: DbClient = db): Promise<SloRow | null> {
  return client.sloSpecRow.findUnique({ where: { siteId_slo: { siteId, slo } }, select: ROW });
}

export function countSloRows(siteId: number, client: DbClient = db): Promise<number> {
  return client.sloSpecRow.count({ where: { siteId } });
}

/** A new SLO and its version 1, started `at`. */
export async function insertSloRow(
  siteId: number,
  slo: string,
  spec: Prisma.InputJsonValue,
  at: Date,
  client: DbClient = db,
): Promise<void> {
  await client.sloSpecRow.create({
    data: {
      siteId,
      slo,
      spec,
      versionStartedAt: at,
      createdAt: at,
      updatedAt: at,
      versions: { create: { version: 1, spec, startedAt: at } },
    },
  });
}

/**
 * Saves a spec over `expectedVersion` (0 rows when another edit got there first); with `newVersion` the current
 * version ends `at` and the next one starts, otherwise the current version's spec is updated in place.
 */
export async function saveSloSpec(
  siteId: number,
  slo: string,
  spec: Prisma.InputJsonValue,
  expectedVersion: number,
  newVersion: boolean,
  at: Date,
  client: Prisma.TransactionClient,
): Promise<boolean> {
  const version = newVersion ? expectedVersion + 1 : expectedVersion;
  const moved = await client.sloSpecRow.updateMany({
    where: { siteId, slo, version: expectedVersion },
    data: { spec, version, updatedAt: at, ...(newVersion ? { versionStartedAt: at } : {}) },
  });
  if (moved.count === 0) return false;
  if (newVersion) {
    await client.sloSpecVersion.update({
      where: { siteId_slo_version: { siteId, slo, version: expectedVersion } },
      data: { endedAt: at },
    });
    await client.sloSpecVersion.create({ data: { siteId, slo, version, spec, startedAt: at } });
  } else {
    await client.sloSpecVersion.update({ where: { siteId_slo_version: { siteId, slo, version } }, data: { spec } });
  }
  return true;
}

export async function setSloPaused(siteId: number, slo: string, paused: boolean, client: DbClient = db) {
  return (await client.sloSpecRow.updateMany({ where: { siteId, slo }, data: { paused, updatedAt: new Date() } }))
    .count;
}

/** Deletes an SLO with its versions (foreign key cascade). */
export async function deleteSloRow(siteId: number, slo: string, client: DbClient = db): Promise<number> {
  return (await client.sloSpecRow.deleteMany({ where: { siteId, slo } })).count;
}

export function readSloVersions(siteId: number, slo: string, client: DbClient = db): Promise<SloVersionRow[]> {
  return client.sloSpecVersion.findMany({
    where: { siteId, slo },
    select: { version: true, spec: true, startedAt: true, endedAt: true },
    orderBy: { version: "desc" },
  });
}
