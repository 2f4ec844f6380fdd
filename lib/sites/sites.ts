import "server-only";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashSecret, newPublicKey, newSecretKey, secretHint } from "@/lib/sites/keys";
import { invalidateSiteDirectory } from "@/lib/sites/site-directory";
import type { SiteInput } from "@/lib/sites/site-input";
import { seedDefaultSlos } from "@/lib/slo/slo-store";
import { VIGIL_SITE_ID, VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import {
  deleteSiteRows,
  findSite,
  findSiteBySlug,
  insertSite,
  listSites,
  updateSiteFields,
  type Site,
} from "@/lib/sites/site-repository";

export type { Site } from "@/lib/sites/site-repository";

const slugTaken = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
const taken = (slug: string) =>
  new AppError("validation_failed", `The slug "${slug}" is taken by another site.`, {
    details: [{ path: "slug", message: `"${slug}" is taken by another site.` }],
  });

export { listSites };

/** The site a console URL names (`?site=<slug>`), Vigil's own when none; an unknown slug is a 404. */
export async function siteOrDefault(slug: string | undefined | null): Promise<Site> {
  const site = await findSiteBySlug(slug || VIGIL_SITE_SLUG);
  if (!site) throw new AppError("not_found", `No site "${String(slug).slice(0, 40)}".`);
  return site;
}

/** A site by slug for a verb that writes to it (hidden form fields, API parameters). */
export async function requireSite(slug: string): Promise<Site> {
  const site = await findSiteBySlug(slug);
  if (!site) throw new AppError("not_found", "That site does not exist any more.");
  return site;
}

/**
 * Creates a site with fresh keys and the default SLOs (config/slos.ts) in one transaction; the server key is
 * returned once and kept only as a hash.
 */
export async function createSite(input: SiteInput): Promise<{ site: Site; secretKey: string }> {
  const secretKey = newSecretKey();
  try {
    const site = await db.$transaction(async (tx) => {
      const site = await insertSite(
        {
          slug: input.slug,
          name: input.name,
          allowedOrigins: input.allowedOrigins,
          publicKey: newPublicKey(),
          secretHash: hashSecret(secretKey),
          secretHint: secretHint(secretKey),
        },
        tx,
      );
      await seedDefaultSlos(site.id, tx);
      return site;
    });
    invalidateSiteDirectory();
    return { site, secretKey };
  } catch (err) {
    if (slugTaken(err)) throw taken(input.slug);
    throw err;
  }
}

export async function updateSite(id: number, input: SiteInput): Promise<Site> {
  if (id === VIGIL_SITE_ID && input.slug !== VIGIL_SITE_SLUG)
    throw new AppError("validation_failed", "Vigil's own site keeps its slug.", {
      details: [{ path: "slug", message: `Vigil's own site keeps the slug "${VIGIL_SITE_SLUG}".` }],
    });
  try {
    const site = await updateSiteFields(id, {
      slug: input.slug,
      name: input.name,
      allowedOrigins: input.allowedOrigins,
    });
    invalidateSiteDirectory();
    return site;
  } catch (err) {
    if (slugTaken(err)) throw taken(input.slug);
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2025")
      throw new AppError("not_found", "That site does not exist any more.");
    throw err;
  }
}

/** A new server key; the old one stops working at once here and within 30 s on other instances. */
export async function rotateSiteSecret(id: number): Promise<{ site: Site; secretKey: string }> {
  if (!(await findSite(id))) throw new AppError("not_found", "That site does not exist any more.");
  const secretKey = newSecretKey();
  const site = await updateSiteFields(id, {
    secretHash: hashSecret(secretKey),
    secretHint: secretHint(secretKey),
    secretRotatedAt: new Date(),
  });
  invalidateSiteDirectory();
  return { site, secretKey };
}

/**
 * Deletes a site and all its data once its slug was typed to confirm (nothing of it can be recovered); Vigil's own
 * site cannot be deleted.
 */
export async function deleteSite(id: number, confirmSlug: string): Promise<Site> {
  if (id === VIGIL_SITE_ID) throw new AppError("bad_request", "Vigil's own site cannot be deleted.");
  const site = await findSite(id);
  if (!site) throw new AppError("not_found", "That site does not exist any more.");
  if (confirmSlug.trim() !== site.slug) {
    const message = `Type "${site.slug}" to confirm: deleting a site deletes all of its data.`;
    throw new AppError("validation_failed", message, { details: [{ path: "confirm", message }] });
  }
  await deleteSiteRows(id);
  invalidateSiteDirectory();
  return site;
}
