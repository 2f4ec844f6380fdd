"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { logger } from "@/lib/log/logger";
import { siteHref } from "@/lib/sites/site-href";
import type { ActionState } from "@/lib/http/action-state";
import { SITE_FIELDS, type SiteField, SiteInput, SiteSlug } from "@/lib/sites/site-input";
import type { SiteKeyShown } from "@/lib/sites/site-views";
import { createSite, deleteSite, rotateSiteSecret, updateSite } from "@/lib/sites/sites";

// The shell's switcher, the all-sites page and every section name sites: all of them re-render after a change.
const admin = { role: "admin", revalidate: ["/admin/settings", "/admin/sites", "/admin"] } as const;
const SiteId = z.coerce.number().int().positive().max(2_147_483_647);
/** The site the Settings page shows (`?site=`), sent by forms whose change would leave that URL naming no site. */
const Viewing = z.preprocess((v) => (v === "" ? undefined : v), SiteSlug.optional());

/** Moves the page to `href` after a change its current URL cannot survive; every page of the shell is redone. */
function moveTo(href: string): never {
  revalidatePath("/admin", "layout");
  redirect(href);
}

/** Creates a site; its server key comes back once, in `data`, and is kept only as a hash. */
export const createSiteAction = action(
  { ...admin, fields: SITE_FIELDS, input: SiteInput, echo: SITE_FIELDS },
  async (input): Promise<{ ok: true; message: string; data: SiteKeyShown }> => {
    const { site, secretKey } = await createSite(input);
    logger.info({ event: "sites.created", siteId: site.id, slug: site.slug }, "site created");
    return {
      ok: true,
      message: `Created “${site.name}”.`,
      data: { slug: site.slug, name: site.name, secretKey },
    };
  },
);

/**
 * Edits a site (`id` hidden, like a monitor's); renaming the slug of the site the page shows moves the page to the
 * new slug. Same answer type as creating, so one form does both.
 */
export const updateSiteAction = action(
  { ...admin, fields: SITE_FIELDS, input: SiteInput, echo: SITE_FIELDS },
  async (input, { form }): Promise<ActionState<SiteField, SiteKeyShown>> => {
    const ref = z.object({ id: SiteId, viewing: Viewing }).safeParse({
      id: form.get("id"),
      viewing: form.get("viewing") ?? undefined,
    });
    if (!ref.success) return { ok: false, message: "Unknown site." };
    const { id, viewing } = ref.data;
    const site = await updateSite(id, input);
    logger.info({ event: "sites.updated", siteId: site.id, slug: site.slug }, "site updated");
    if (viewing && viewing !== site.slug) moveTo(`${siteHref("/admin/settings", site.slug)}#sites`);
    return { ok: true, message: "Saved." };
  },
);

/** A new server key, shown once; the old one stops working at once on this instance, within 30 s on others. */
export const rotateSiteKeyAction = action(
  { ...admin, fields: ["id"], input: z.object({ id: SiteId }), invalid: "Unknown site." },
  async ({ id }): Promise<{ ok: true; message: string; data: SiteKeyShown }> => {
    const { site, secretKey } = await rotateSiteSecret(id);
    logger.info({ event: "sites.key_rotated", siteId: site.id, slug: site.slug }, "site server key rotated");
    return {
      ok: true,
      message: "New server key made: the previous one no longer works.",
      data: { slug: site.slug, name: site.name, secretKey },
    };
  },
);

/** Deletes a site with all its data once its slug was typed; the page then says so (and leaves the deleted site). */
export const deleteSiteAction = action(
  {
    ...admin,
    fields: ["id", "confirm", "viewing"],
    input: z.object({ id: SiteId, confirm: z.string().max(80), viewing: Viewing }),
    invalid: "Unknown site.",
  },
  async ({ id, confirm, viewing }) => {
    const site = await deleteSite(id, confirm);
    logger.info({ event: "sites.deleted", siteId: site.id, slug: site.slug }, "site deleted with its data");
    const stay = viewing && viewing !== site.slug ? viewing : undefined;
    moveTo(`${siteHref(`/admin/settings?deleted=${site.slug}`, stay)}#sites`);
  },
);
