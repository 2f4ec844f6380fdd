import "server-only";
import { AppError } from "@/lib/errors";
import type { IncidentUpdateInput } from "@/lib/status/incident-update-input";
import {
  findSiteIncident,
  incidentUpdates,
  insertIncidentUpdate,
  type IncidentUpdate,
} from "@/lib/status/incident-update-repository";
import { invalidateStatusPage } from "@/lib/status/status-page-cache";
import { timelineEntries, type TimelineEntry, type TimelineUpdate } from "@/lib/status/timeline";
import { incidentView, type IncidentView } from "@/lib/uptime/uptime-report";

export type IncidentTimeline = { incident: IncidentView; entries: TimelineEntry[] };

const MAX_INCIDENT_ID = 9_223_372_036_854_775_807n;
/** A form's or a URL's incident id, or null when it cannot name one. */
export function incidentIdOf(raw: string | undefined): bigint | null {
  if (!raw || !/^[1-9][0-9]{0,18}$/.test(raw)) return null;
  const id = BigInt(raw);
  return id <= MAX_INCIDENT_ID ? id : null;
}

export const updateView = (u: IncidentUpdate, withAuthor: boolean): TimelineUpdate => ({
  id: String(u.id),
  at: u.at.getTime(),
  status: u.status,
  body: u.body,
  public: u.public,
  author: withAuthor ? u.author : null,
});

/**
 * Adds a note to an incident of this site (an incident of another site is "not found", as an unknown one); the
 * author is the signed-in user's email, kept for the console and never shown on the status page.
 */
export async function addIncidentUpdate(
  siteId: number,
  input: IncidentUpdateInput,
  author: string,
  at = new Date(),
): Promise<IncidentUpdate> {
  const id = incidentIdOf(input.incident);
  const incident = id === null ? null : await findSiteIncident(siteId, id);
  if (!incident) throw new AppError("not_found", "That incident does not exist on this site.");
  const update = await insertIncidentUpdate({
    siteId,
    incidentId: incident.id,
    at,
    author: author.slice(0, 320),
    status: input.status,
    body: input.body,
    public: input.public,
  });
  invalidateStatusPage(siteId);
  return update;
}

/** The console's incident view: the incident, then opened, every update (public and internal), resolved. */
export async function loadIncidentTimeline(
  siteId: number,
  rawId: string | undefined,
  now = new Date(),
): Promise<IncidentTimeline | null> {
  const id = incidentIdOf(rawId);
  const incident = id === null ? null : await findSiteIncident(siteId, id);
  if (!incident) return null;
  const updates = await incidentUpdates(siteId, [incident.id], { publicOnly: false });
  const view = incidentView(incident, now);
  return {
    incident: view,
    entries: timelineEntries(
      view,
      updates.map((u) => updateView(u, true)),
    ),
  };
}
