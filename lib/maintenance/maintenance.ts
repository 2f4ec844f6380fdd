import "server-only";
import { type DbClient, db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { expandWindows, insideAny, type Interval, type WindowRule } from "@/lib/maintenance/expand";
import { MAINTENANCE_LIMITS, type MaintenanceInput } from "@/lib/maintenance/maintenance-input";
import {
  countMaintenance,
  deleteMaintenance,
  findMaintenance,
  insertMaintenance,
  maintenanceOverlapping,
  updateMaintenance,
  type MaintenanceFields,
  type MaintenanceRow,
} from "@/lib/maintenance/maintenance-repository";
import { listMonitors } from "@/lib/uptime/monitor-repository";

// How far back and ahead a range may reach: the longest uptime window (90 d) with room; keeps expansion bounded.
const MAX_RANGE_MS = 120 * 86_400_000;

const ruleOf = (r: MaintenanceRow): WindowRule => ({
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  recurrence: r.recurrence,
  weekdays: r.weekdays,
  until: r.until,
});
const bounded = ({ from, to }: Interval): Interval => ({
  from: new Date(Math.max(from.getTime(), to.getTime() - MAX_RANGE_MS)),
  to,
});

/** Whether a window applies to the whole site (and so to its SLOs), or to this monitor. */
const appliesTo = (r: MaintenanceRow, monitorId?: string) =>
  r.monitorIds.length === 0 || (monitorId !== undefined && r.monitorIds.includes(monitorId));

/**
 * The site's maintenance inside `range` as sorted, disjoint { from, to } intervals (recurring windows expanded,
 * clipped to the range). Without `monitorId`: the windows of the whole site only (what SLOs and alerts honour);
 * with it: those plus the windows naming that monitor (what its uptime and incidents honour).
 */
export async function maintenanceWindows(
  siteId: number,
  range: Interval,
  { monitorId, client = db }: { monitorId?: string; client?: DbClient } = {},
): Promise<Interval[]> {
  const r = bounded(range);
  const rows = await maintenanceOverlapping(siteId, r, client);
  return expandWindows(rows.filter((w) => appliesTo(w, monitorId)).map(ruleOf), r);
}

/** Per monitor, its maintenance inside the range (one read for the whole site). */
export async function maintenanceByMonitor(
  siteId: number,
  range: Interval,
  monitorIds: readonly string[],
  client: DbClient = db,
): Promise<Map<string, Interval[]>> {
  const r = bounded(range);
  const rows = await maintenanceOverlapping(siteId, r, client);
  return new Map(monitorIds.map((id) => [id, expandWindows(rows.filter((w) => appliesTo(w, id)).map(ruleOf), r)]));
}

/** Whether a maintenance window of the whole site (or, given, of this monitor) is active at `at`. */
export async function inMaintenance(
  siteId: number,
  at: Date,
  opts: { monitorId?: string; client?: DbClient } = {},
): Promise<boolean> {
  const list = await maintenanceWindows(siteId, { from: at, to: new Date(at.getTime() + 1) }, opts);
  return insideAny(list, at);
}

/** Monitor slugs to ids of this site; an unknown slug is a field error. */
async function monitorIdsOf(siteId: number, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const bySlug = new Map((await listMonitors(siteId)).map((m) => [m.slug, m.id]));
  const unknown = slugs.filter((s) => !bySlug.has(s));
  if (unknown.length)
    throw new AppError("validation_failed", "Nothing was saved: fix the fields marked in red.", {
      details: [{ path: "monitors", message: `No such monitor on this site: ${unknown.join(", ")}` }],
    });
  return slugs.map((s) => bySlug.get(s)!);
}

async function fieldsOf(siteId: number, input: MaintenanceInput): Promise<MaintenanceFields> {
  return {
    title: input.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    recurrence: input.recurrence,
    weekdays: input.weekdays,
    until: input.until,
    monitorIds: await monitorIdsOf(siteId, input.monitors),
  };
}

export async function addMaintenance(siteId: number, input: MaintenanceInput, by: string | null): Promise<bigint> {
  if ((await countMaintenance(siteId)) >= MAINTENANCE_LIMITS.perSite)
    throw new AppError(
      "bad_request",
      `A site keeps at most ${MAINTENANCE_LIMITS.perSite} maintenance windows: delete old ones first.`,
    );
  return insertMaintenance(siteId, await fieldsOf(siteId, input), by);
}

/** Edits a window (it keeps its site); false when it no longer exists. */
export async function editMaintenance(id: bigint, input: MaintenanceInput): Promise<boolean> {
  const row = await findMaintenance(id);
  if (!row) return false;
  return updateMaintenance(id, await fieldsOf(row.siteId, input));
}

export const removeMaintenance = (id: bigint) => deleteMaintenance(id);
