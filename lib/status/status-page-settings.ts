import "server-only";
import { Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { StatusPageInput } from "@/lib/status/status-page-input";
import { invalidateStatusPage } from "@/lib/status/status-page-cache";
import { type StatusPageSettings, statusPagePath } from "@/lib/status/status-page-settings-view";
import { statusPageSites, updateStatusPageFields } from "@/lib/status/status-page-repository";

/** Every site's status page settings by site id (Settings → Sites, admins only: the page decides). */
export async function loadStatusPageSettings(): Promise<Record<number, StatusPageSettings>> {
  return Object.fromEntries(
    (await statusPageSites()).map((s) => [
      s.id,
      {
        enabled: s.statusPage,
        title: s.statusTitle ?? "",
        description: s.statusBlurb ?? "",
        path: statusPagePath(s.slug),
      },
    ]),
  );
}

/** Turns a site's public status page on or off, with its title and description. */
export async function setStatusPage(siteId: number, input: StatusPageInput) {
  try {
    const site = await updateStatusPageFields(siteId, {
      statusPage: input.enabled,
      statusTitle: input.title,
      statusBlurb: input.description,
    });
    invalidateStatusPage(siteId);
    return site;
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025")
      throw new AppError("not_found", "That site does not exist any more.");
    throw err;
  }
}
