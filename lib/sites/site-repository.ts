import "server-only";
import { db, type DbClient, type Prisma } from "@/lib/db";

export type SiteRow = Prisma.SiteGetPayload<object>;
/** What every page and the ingest path may know of a site: never the secret's hash (status page: lib/status). */
export type Site = Omit<SiteRow, "secretHash" | "statusPage" | "statusTitle" | "statusBlurb">;

const PUBLIC_FIELDS = {
  id: true,
  slug: true,
  name: true,
  allowedOrigins: true,
  publicKey: true,
  secretHint: true,
  secretRotatedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.SiteSelect;

export function listSites(client: DbClient = db): Promise<Site[]> {
  return client.site.findMany({ select: PUBLIC_FIELDS, orderBy: { id: "asc" } });
}

export function findSiteBySlug(slug: string, client: DbClient = db): Promise<Site | null> {
  return client.site.findUnique({ where: { slug }, select: PUBLIC_FIELDS });
}

export function findSite(id: number, client: DbClient = db): Promise<Site | null> {
  return client.site.findUnique({ where: { id }, select: PUBLIC_FIELDS });
}

/** The site a server key belongs to is found by the key's hash (unique enough: SHA-256 of 190 random bits). */
export function findSiteBySecretHash(secretHash: string, client: DbClient = db): Promise<SiteRow | null> {
  return client.site.findFirst({ where: { secretHash } });
}

export function insertSite(
  data: Pick<SiteRow, "slug" | "name" | "allowedOrigins" | "publicKey" | "secretHash" | "secretHint">,
  client: DbClient = db,
): Promise<Site> {
  return client.site.create({ data: { ...data, secretRotatedAt: new Date() }, select: PUBLIC_FIELDS });
}

export function updateSiteFields(
  id: number,
  data: Partial<Pick<SiteRow, "slug" | "name" | "allowedOrigins" | "secretHash" | "secretHint" | "secretRotatedAt">>,
  client: DbClient = db,
): Promise<Site> {
  return client.site.update({ where: { id }, data, select: PUBLIC_FIELDS });
}

/** Deletes a site and every row it owns; vitals first (they have no foreign key: ADR 0011). */
export async function deleteSiteRows(id: number, client: DbClient = db): Promise<void> {
  await client.$executeRaw`DELETE FROM vitals WHERE site_id = ${id}`;
  await client.site.delete({ where: { id } });
}

/** What the ingest paths need to recognise a site: keys, origins, slug. */
export type SiteKeys = Pick<SiteRow, "id" | "slug" | "allowedOrigins" | "publicKey" | "secretHash" | "createdAt">;

export function listSiteKeys(client: DbClient = db): Promise<SiteKeys[]> {
  return client.site.findMany({
    select: { id: true, slug: true, allowedOrigins: true, publicKey: true, secretHash: true, createdAt: true },
  });
}
