"use server";
import { action } from "@/lib/http/action";
import { VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { requireSite } from "@/lib/sites/sites";
import { AckInput, acknowledgeAlert } from "@/lib/slo/alert-ack";

/** Acknowledges a firing alert of the site the page shows, in the signed-in admin's name. */
export const acknowledgeAlertAction = action(
  { role: "admin", fields: ["id", "note"], input: AckInput, echo: ["note"], revalidate: ["/admin/alerts"] },
  async (input, { form, session }) => {
    const site = await requireSite(String(form.get("site") ?? VIGIL_SITE_SLUG));
    const by = session.user.email ?? session.user.name ?? session.user.id;
    await acknowledgeAlert(input, by, { siteId: site.id });
    return { ok: true, message: "Acknowledged." };
  },
);
