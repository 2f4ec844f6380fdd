import "server-only";
import { db, type DbClient } from "@/lib/db";

/** What the public page may know of a site: no keys, no origins. */
export type StatusPageSite = {
  id: number;
  slug: string;
  name: string;
  statusPage: boolean;
  statusTitle: string | null;
  statusBlurb: string | null;
};
const FIELDS = { id: true, slug: true, name: true, statusPage: true, statusTitle: true, statusBlurb: true } as const;

/** One unique-index probe: the status page's first (and, when it is off, only) query. */
export function findStatusPageSite(slug: string, client: DbClient = db): Promise<StatusPageSite | null> {
  return client.site.findUnique({ where: { slug }, select: FIELDS });
}

export function statusPageSites(client: DbClient = db): Promise<StatusPageSite[]> {
  return client.site.findMany({ select: FIELDS, orderBy: { id: "asc" } });
}

export function updateStatusPageFields(
  id: number,
  data: Pick<StatusPageSite, "statusPage" | "statusTitle" | "statusBlurb">,
  client: DbClient = db,
): Promise<StatusPageSite> {
  return client.site.update({ where: { id }, data, select: FIELDS });
}
