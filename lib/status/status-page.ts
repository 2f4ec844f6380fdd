import "server-only";
import { cache as perRequest } from "react";
import { maintenanceByMonitor } from "@/lib/maintenance/maintenance";
import { loadMaintenance } from "@/lib/maintenance/maintenance-view";
import { SiteSlug } from "@/lib/sites/site-input";
import { incidentUpdates } from "@/lib/status/incident-update-repository";
import { updateView } from "@/lib/status/incident-updates";
import { overallState, publicState } from "@/lib/status/overall-state";
import { statusPageCache } from "@/lib/status/status-page-cache";
import { findStatusPageSite, type StatusPageSite } from "@/lib/status/status-page-repository";
import { STATUS_INCIDENT_DAYS, type StatusPageView } from "@/lib/status/status-page-view";
import { timelineEntries } from "@/lib/status/timeline";
import { recentIncidents } from "@/lib/uptime/incident-repository";
import { listMonitors } from "@/lib/uptime/monitor-repository";
import { countBuckets, lastResults } from "@/lib/uptime/probe-result-repository";
import { BAR_PLANS, barSegments, markMaintenance, planBar } from "@/lib/uptime/status-bar";
import { formatUptime } from "@/lib/uptime/uptime-math";

export type { StatusPageView } from "@/lib/status/status-page-view";

const DAY = 24 * 3_600_000;
/** How long one instance serves a page it built: a public page must not cost a 90-day scan per request. */
export const STATUS_PAGE_MAX_AGE_MS = 10_000;

const cache = () => statusPageCache<StatusPageView>();

/**
 * The public status page of a site, or null when the slug is unknown or the page is off. The flag is checked
 * first, with one indexed query, so a disabled page costs no more than an unknown one.
 */
export async function loadStatusPage(
  slug: string,
  { now = new Date(), maxAgeMs = STATUS_PAGE_MAX_AGE_MS }: { now?: Date; maxAgeMs?: number } = {},
): Promise<StatusPageView | null> {
  // Anything that is not a slug (NUL included, which Postgres would refuse) names no site: no query at all.
  const valid = SiteSlug.safeParse(slug);
  const site = valid.success ? await findStatusPageSite(valid.data) : null;
  if (!site?.statusPage) return null;
  const hit = cache().get(site.id);
  if (hit && maxAgeMs > 0 && now.getTime() - hit.at < maxAgeMs) return presented(site, await hit.view);
  const view = buildView(site.id, now);
  cache().set(site.id, { at: now.getTime(), view });
  view.catch(() => cache().delete(site.id));
  return presented(site, await view);
}

/** Title and description come fresh with the flag; the rest may be up to `maxAgeMs` old. */
const presented = (site: StatusPageSite, view: StatusPageView): StatusPageView => ({
  ...view,
  title: site.statusTitle ?? site.name,
  description: site.statusBlurb,
});

async function buildView(siteId: number, now: Date): Promise<StatusPageView> {
  const days = planBar("90d", now);
  const monitors = await listMonitors(siteId);
  // Maintenance is left out of the bars and uptime as on the Uptime page, and announced in its own section.
  const mw = await maintenanceByMonitor(
    siteId,
    { from: days.start, to: new Date(now.getTime() + 1) },
    monitors.map((m) => m.id),
  );
  const [last, dayCounts, incidents, windows] = await Promise.all([
    lastResults(siteId),
    countBuckets(siteId, days.start, days.end, days.stepMs, undefined, mw),
    recentIncidents(siteId, new Date(now.getTime() - STATUS_INCIDENT_DAYS * DAY), 50),
    loadMaintenance(siteId, now),
  ]);
  const updates = await incidentUpdates(
    siteId,
    incidents.map((i) => i.id),
    { publicOnly: true },
  );
  const lastBy = new Map(last.map((r) => [r.monitorId, r]));
  const open = new Set(incidents.filter((i) => !i.resolvedAt).map((i) => i.monitorId));
  const shown = monitors
    .filter((m) => m.enabled)
    .map((m, i) => {
      const spans = (mw.get(m.id) ?? []).map((w) => ({ from: w.from.getTime(), to: w.to.getTime() }));
      const bars = markMaintenance(barSegments(days, dayCounts.get(m.id) ?? []), spans);
      const counts = bars.reduce((a, s) => ({ ok: a.ok + s.ok, total: a.total + s.total }), { ok: 0, total: 0 });
      const state = publicState({ openIncident: open.has(m.id), last: lastBy.get(m.id) ?? null });
      return { key: `m${i}`, name: m.name, state, uptime: formatUptime(counts), bars };
    });
  return {
    title: "",
    description: null,
    generatedAt: now.getTime(),
    state: overallState(shown.map((m) => m.state)),
    barStepMs: BAR_PLANS["90d"].stepMs,
    monitors: shown,
    // Public fields only: what, when and which services; never who scheduled it.
    maintenance: windows
      .filter((w) => w.state !== "past" && w.next)
      .map((w, i) => ({
        key: `w${i}`,
        title: w.title,
        // A one-off window's schedule is its times, which the page shows anyway.
        schedule: w.form.recurrence === "none" ? null : w.schedule,
        scope: w.scope,
        active: w.state === "active",
        ...w.next!,
      })),
    incidents: incidents
      .sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || +b.openedAt - +a.openedAt)
      .map((i) => {
        const times = { openedAt: i.openedAt.getTime(), resolvedAt: i.resolvedAt?.getTime() ?? null };
        const mine = updates.filter((u) => u.incidentId === i.id).map((u) => updateView(u, false));
        return {
          id: String(i.id),
          monitorName: i.monitor.name,
          open: i.resolvedAt === null,
          ...times,
          entries: timelineEntries(times, mine),
        };
      }),
  };
}

/** One load per request, however many parts of the page (metadata, body) ask. */
export const statusPageOf = perRequest((slug: string) => loadStatusPage(slug));
