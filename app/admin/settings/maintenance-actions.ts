"use server";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { addMaintenance, editMaintenance, removeMaintenance } from "@/lib/maintenance/maintenance";
import { MAINTENANCE_FIELDS, MaintenanceInput } from "@/lib/maintenance/maintenance-input";
import { VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { requireSite } from "@/lib/sites/sites";

const WindowId = z
  .string()
  .regex(/^\d{1,18}$/)
  .transform((s) => BigInt(s));
const admin = { role: "admin", revalidate: ["/admin/settings", "/admin/uptime"] } as const;

/** Adds (no id) or edits a maintenance window; bad input comes back as inline errors, nothing stored. */
export const saveMaintenanceAction = action(
  { ...admin, fields: MAINTENANCE_FIELDS, input: MaintenanceInput, echo: MAINTENANCE_FIELDS },
  async (input, { form, session }) => {
    const id = form.get("id") ? WindowId.safeParse(form.get("id")) : null;
    if (id && !id.success) return { ok: false, message: "Unknown maintenance window." };
    if (id)
      return (await editMaintenance(id.data, input))
        ? { ok: true }
        : { ok: false, message: "This window no longer exists." };
    // New windows join the site the Settings page shows (a hidden field).
    const site = await requireSite(String(form.get("site") ?? VIGIL_SITE_SLUG));
    await addMaintenance(site.id, input, session.user.email ?? null);
    return { ok: true };
  },
);

export const deleteMaintenanceAction = action(
  { ...admin, fields: ["id"], input: z.object({ id: WindowId }), invalid: "Unknown maintenance window." },
  async ({ id }) =>
    (await removeMaintenance(id))
      ? { ok: true, message: "Deleted." }
      : { ok: false, message: "This window no longer exists." },
);
