"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionRefusal } from "@/lib/auth/guard";
import { fieldErrorsOf, MONITOR_FIELDS, MonitorInput, type FieldErrors } from "@/lib/uptime/monitor-input";
import { addMonitor, checkMonitorNow, editMonitor, removeMonitor, setMonitorEnabled } from "@/lib/uptime/monitors";

export type MonitorFormState = { n: number; ok?: boolean; errors?: FieldErrors; values?: Record<string, string> };
export type MonitorActionState = { ok?: boolean; message?: string };

const Id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9]+$/);

function revalidate() {
  revalidatePath("/admin/settings");
  revalidatePath("/admin/uptime");
}

/** Adds (no id) or edits a monitor; bad input comes back as inline errors with what was typed, nothing stored. */
export async function saveMonitorAction(prev: MonitorFormState, form: FormData): Promise<MonitorFormState> {
  const n = prev.n + 1;
  const values = Object.fromEntries(MONITOR_FIELDS.map((f) => [f, String(form.get(f) ?? "").slice(0, 4096)]));
  const refused = await actionRefusal("admin");
  if (refused) return { n, errors: { form: refused }, values };
  const id = form.get("id");
  const parsedId = id ? Id.safeParse(id) : null;
  if (parsedId && !parsedId.success) return { n, errors: { form: "Unknown monitor." }, values };
  const input = MonitorInput.safeParse(Object.fromEntries(MONITOR_FIELDS.map((f) => [f, form.get(f) ?? undefined])));
  if (!input.success) return { n, errors: fieldErrorsOf(input.error), values };
  const saved = parsedId ? await editMonitor(parsedId.data, input.data) : await addMonitor(input.data);
  if (!saved.ok) return { n, errors: saved.errors, values };
  revalidate();
  return { n, ok: true };
}

async function withMonitor(
  form: FormData,
  run: (id: string) => Promise<MonitorActionState>,
): Promise<MonitorActionState> {
  const refused = await actionRefusal("admin");
  if (refused) return { message: refused };
  const id = Id.safeParse(form.get("id"));
  if (!id.success) return { message: "Unknown monitor." };
  const result = await run(id.data);
  revalidate();
  return result;
}

export async function toggleMonitorAction(_prev: MonitorActionState, form: FormData): Promise<MonitorActionState> {
  return withMonitor(form, async (id) => {
    const enabled = form.get("enabled") === "true";
    const m = await setMonitorEnabled(id, enabled);
    return m ? { ok: true, message: enabled ? "Resumed." : "Paused." } : { message: "This monitor no longer exists." };
  });
}

export async function deleteMonitorAction(_prev: MonitorActionState, form: FormData): Promise<MonitorActionState> {
  return withMonitor(form, async (id) =>
    (await removeMonitor(id))
      ? { ok: true, message: "Deleted." }
      : { message: "The built-in self-check cannot be deleted; pause it instead." },
  );
}

export async function checkMonitorNowAction(_prev: MonitorActionState, form: FormData): Promise<MonitorActionState> {
  return withMonitor(form, async (id) => {
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
        return { message: "Resume the monitor first." };
      case "not-http":
        return { message: "Heartbeats are checked by their pings." };
      default:
        return { message: "This monitor no longer exists." };
    }
  });
}
