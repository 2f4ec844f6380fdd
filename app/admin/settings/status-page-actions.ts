"use server";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { logger } from "@/lib/log/logger";
import { STATUS_PAGE_FIELDS, StatusPageInput } from "@/lib/status/status-page-input";
import { setStatusPage } from "@/lib/status/status-page-settings";

const SiteId = z.coerce.number().int().positive().max(2_147_483_647);

/** Turns a site's public status page on or off (`id` hidden); bad input comes back inline and nothing is stored. */
export const saveStatusPageAction = action(
  {
    role: "admin",
    fields: STATUS_PAGE_FIELDS,
    input: StatusPageInput,
    echo: STATUS_PAGE_FIELDS,
    revalidate: ["/admin/settings"],
  },
  async (input, { form }) => {
    const id = SiteId.safeParse(form.get("id"));
    if (!id.success) return { ok: false, message: "Unknown site." };
    const site = await setStatusPage(id.data, input);
    logger.info({ event: "status_page.saved", siteId: site.id, enabled: site.statusPage }, "status page saved");
    return { ok: true, message: site.statusPage ? `On: /status/${site.slug}` : "Off: the page answers 404." };
  },
);
