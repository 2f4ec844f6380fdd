"use server";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { requireSite } from "@/lib/sites/sites";
import { MONITOR_FIELDS, MonitorInput } from "@/lib/uptime/monitor-input";
import { addMonitor, checkMonitorNow, editMonitor, removeMonitor, setMonitorEnabled } from "@/lib/uptime/monitors";

const MonitorId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+$/);
const MonitorRef = z.object({ id: MonitorId });

const admin = { role: "admin", revalidate: ["/admin/settings", "/admin/uptime"] } as const;
const row = { ...admin, invalid: "Unknown monitor." } as const;

/** Adds (no id) or edits a monitor; bad input comes back as inline errors with what was typed, nothing stored. */
export const saveMonitorAction = action(
  { ...admin, fields: MONITOR_FIELDS, input: MonitorInput, echo: MONITOR_FIELDS },
  async (input, { form }) => {
    const id = form.get("id") ? MonitorId.safeParse(form.get("id")) : null;
    if (id && !id.success) return { ok: false, message: "Unknown monitor." };
    // New monitors join the site the Settings page shows (a hidden field); an edit keeps its monitor's site.
    const saved = id
      ? await editMonitor(id.data, input)
      : await addMonitor((await requireSite(String(form.get("site") ?? VIGIL_SITE_SLUG))).id, input);
    if (saved.ok) return { ok: true };
    const { form: message, ...errors } = saved.errors;
    return { ok: false, errors, message };
  },
);

export const toggleMonitorAction = action(
  {
    ...row,
    fields: ["id", "enabled"],
    input: MonitorRef.extend({ enabled: z.unknown().transform((v) => v === "true") }),
  },
  async ({ id, enabled }) =>
    (await setMonitorEnabled(id, enabled))
      ? { ok: true, message: enabled ? "Resumed." : "Paused." }
      : { ok: false, message: "This monitor no longer exists." },
);

export const deleteMonitorAction = action({ ...row, fields: ["id"], input: MonitorRef }, async ({ id }) =>
  (await removeMonitor(id))
    ? { ok: true, message: "Deleted." }
    : { ok: false, message: "The built-in self-check cannot be deleted; pause it instead." },
);

export const checkMonitorNowAction = action({ ...row, fields: ["id"], input: MonitorRef }, async ({ id }) => {
  const r = await checkMonitorNow(id);
  switch (r.state) {
    case "checked":
      return {
        ok: r.result.ok,
        message: r.result.ok
          ? `Up: HTTP ${r.result.statusCode} in ${Math.round(r.result.latencyMs ?? 0)} ms.`
          : `Down: ${r.result.error}`,
      };
    case "queued":
      return { ok: true, message: "Queued: the probe job is busy and will check it within seconds." };
    case "paused":
      return { ok: false, message: "Resume the monitor first." };
    case "not-http":
      return { ok: false, message: "Heartbeats are checked by their pings." };
    default:
      return { ok: false, message: "This monitor no longer exists." };
  }
});
