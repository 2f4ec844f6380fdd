"use server";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { requireSite } from "@/lib/sites/sites";
import { SLO_FIELDS, SloFormInput, specFromForm } from "@/lib/slo/slo-form";
import { createSlo, deleteSlo, setSloPausedState, updateSlo } from "@/lib/slo/slo-store";

const SloId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const admin = { role: "admin", revalidate: ["/admin/settings", "/admin/slos"] } as const;
const siteOf = async (form: FormData) => (await requireSite(String(form.get("site") ?? VIGIL_SITE_SLUG))).id;

/** Creates (no `editing`) or edits an SLO of the site the form names; bad input comes back per field, nothing stored. */
export const saveSloAction = action(
  { ...admin, fields: SLO_FIELDS, input: SloFormInput, echo: SLO_FIELDS },
  async (input, { form }) => {
    const editing = form.get("editing") ? SloId.safeParse(form.get("editing")) : null;
    if (editing && !editing.success) return { ok: false, message: "Unknown SLO." };
    const siteId = await siteOf(form);
    if (!editing) {
      await createSlo(siteId, specFromForm(input));
      return { ok: true, message: `Created "${input.name.trim()}".` };
    }
    const { slo, newVersion } = await updateSlo(siteId, editing.data, specFromForm(input));
    return {
      ok: true,
      message: newVersion
        ? `Saved as version ${slo.version}: budgets and charts start again from now.`
        : "Saved (same version).",
    };
  },
);

const Row = z.object({ id: SloId });

export const pauseSloAction = action(
  {
    ...admin,
    invalid: "Unknown SLO.",
    fields: ["id", "paused"],
    input: Row.extend({ paused: z.unknown().transform((v) => v === "true") }),
  },
  async ({ id, paused }, { form }) => {
    await setSloPausedState(await siteOf(form), id, paused);
    return { ok: true, message: paused ? "Paused: not measured, its alerts resolve." : "Resumed." };
  },
);

export const deleteSloAction = action(
  { ...admin, invalid: "Unknown SLO.", fields: ["id"], input: Row },
  async ({ id }, { form }) => {
    await deleteSlo(await siteOf(form), id);
    return { ok: true, message: "Deleted." };
  },
);
