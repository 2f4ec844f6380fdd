import "server-only";
import { describeSchedule, formValuesOf } from "@/lib/maintenance/describe";
import { nextOccurrence, type WindowRule } from "@/lib/maintenance/expand";
import type { MaintenanceFormValues } from "@/lib/maintenance/maintenance-input";
import { listMaintenance } from "@/lib/maintenance/maintenance-repository";
import { listMonitors } from "@/lib/uptime/monitor-repository";

const HORIZON_MS = 400 * 86_400_000;

export type MaintenanceState = "active" | "upcoming" | "past";
/** A window as Settings and the Uptime page list it. */
export type MaintenanceView = {
  id: string;
  title: string;
  schedule: string;
  /** "Whole site" or the monitors' names. */
  scope: string;
  state: MaintenanceState;
  /** The running occurrence, else the next one (ms since the epoch). */
  next: { from: number; to: number } | null;
  createdBy: string | null;
  form: MaintenanceFormValues;
};

const ORDER: Record<MaintenanceState, number> = { active: 0, upcoming: 1, past: 2 };

/** The site's windows: active first, then upcoming by their next start, then past ones. */
export async function loadMaintenance(siteId: number, now = new Date()): Promise<MaintenanceView[]> {
  const [rows, monitors] = await Promise.all([listMaintenance(siteId), listMonitors(siteId)]);
  const byId = new Map(monitors.map((m) => [m.id, m]));
  const views = rows.map((r): MaintenanceView => {
    const rule: WindowRule = r;
    const next = nextOccurrence(rule, now, HORIZON_MS);
    const present = r.monitorIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    return {
      id: String(r.id),
      title: r.title,
      schedule: describeSchedule(rule),
      scope: r.monitorIds.length === 0 ? "Whole site" : present.map((m) => m.name).join(", ") || "Deleted monitors",
      state: next === null ? "past" : next.from <= now ? "active" : "upcoming",
      next: next && { from: next.from.getTime(), to: next.to.getTime() },
      createdBy: r.createdBy,
      form: formValuesOf({ ...rule, title: r.title, monitors: present.map((m) => m.slug) }) as MaintenanceFormValues,
    };
  });
  return views.sort((a, b) => ORDER[a.state] - ORDER[b.state] || (a.next?.from ?? 0) - (b.next?.from ?? 0));
}
