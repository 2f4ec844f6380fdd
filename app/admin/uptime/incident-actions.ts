"use server";
import { action } from "@/lib/http/action";
import { SiteSlug } from "@/lib/sites/site-input";
import { requireSite } from "@/lib/sites/sites";
import { INCIDENT_UPDATE_FIELDS, IncidentUpdateInput } from "@/lib/status/incident-update-input";
import { addIncidentUpdate } from "@/lib/status/incident-updates";

/**
 * Adds a public update or an internal note to an incident of the site the page shows (a hidden field); an
 * incident of another site is refused as unknown. The author is the signed-in admin.
 */
export const addIncidentUpdateAction = action(
  {
    role: "admin",
    fields: INCIDENT_UPDATE_FIELDS,
    input: IncidentUpdateInput,
    echo: ["status", "body", "public"],
    revalidate: ["/admin/uptime", "/admin/uptime/incidents", "/admin/alerts"],
  },
  async (input, { session, form }) => {
    const slug = SiteSlug.safeParse(form.get("site"));
    if (!slug.success) return { ok: false, message: "Unknown site." };
    const site = await requireSite(slug.data);
    await addIncidentUpdate(site.id, input, session.user.email ?? session.user.id ?? "unknown");
    return { ok: true, message: input.public ? "Public update added." : "Internal note added." };
  },
);
