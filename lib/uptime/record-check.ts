import "server-only";
import { db } from "@/lib/db";
import { inMaintenance } from "@/lib/maintenance/maintenance";
import { enqueueNotification } from "@/lib/notify/outbox-repository";
import { siteSlugOf } from "@/lib/sites/site-directory";
import { VIGIL_SITE_ID, VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { findSite } from "@/lib/sites/site-repository";
import { telemetry } from "@/lib/telemetry/registry";
import { decideIncident } from "@/lib/uptime/incident-rule";
import {
  countIncidentFailure,
  openIncident,
  openIncidentOf,
  resolveIncident,
  type Incident,
} from "@/lib/uptime/incident-repository";
import { lockMonitor, setNextCheck, type Monitor } from "@/lib/uptime/monitor-repository";
import type { ProbeOutcome } from "@/lib/uptime/outcome";
import { insertProbeResult, latestOutcomes } from "@/lib/uptime/probe-result-repository";

export type CheckRecord = ProbeOutcome & { ts: Date };
export type Recorded = { monitor: Monitor; incident: "opened" | "resolved" | null; incidentId: bigint | null };
type Target = { id: string } | { heartbeatToken: string };

/**
 * Stores one check and applies the incident rule in one transaction with the monitor's row locked: the result,
 * the monitor's next check, the incident opened or resolved, and its notifications (transactional outbox) commit
 * together or not at all. Returns null when the monitor no longer exists.
 */
export async function recordCheck(
  target: Target,
  check: CheckRecord,
  schedule: (m: Monitor) => { nextCheckAt: Date; lastPingAt?: Date },
): Promise<Recorded | null> {
  const recorded = await db.$transaction(
    async (tx) => {
      const monitor = await lockMonitor(tx, target);
      if (!monitor) return null;
      await insertProbeResult(monitor, check, tx);
      const { nextCheckAt, lastPingAt } = schedule(monitor);
      await setNextCheck(monitor, nextCheckAt, lastPingAt ? { lastPingAt } : {}, tx);
      const recent = await latestOutcomes(monitor.id, monitor.failureThreshold, tx);
      const open = await openIncidentOf(monitor.id, tx);
      // Only a failure with no incident open could open one: only then ask whether maintenance holds it back.
      const quiet =
        recent[0] === false &&
        open === null &&
        (await inMaintenance(monitor.siteId, check.ts, { monitorId: monitor.id, client: tx }));
      const decision = decideIncident(recent, monitor.failureThreshold, open !== null, quiet);
      if (decision.action === "open") {
        const incident = await openIncident(
          {
            siteId: monitor.siteId,
            monitorId: monitor.id,
            openedAt: check.ts,
            failures: decision.failures,
            cause: check.error ?? "check failed",
          },
          tx,
        );
        await enqueueNotification(tx, incidentEvent("opened", monitor, await siteOf(monitor, tx), incident, check.ts));
        return { monitor, incident: "opened" as const, incidentId: incident.id };
      }
      if (decision.action === "resolve" && open) {
        const incident = await resolveIncident(open, check.ts, tx);
        await enqueueNotification(
          tx,
          incidentEvent("resolved", monitor, await siteOf(monitor, tx), incident, check.ts),
        );
        return { monitor, incident: "resolved" as const, incidentId: incident.id };
      }
      if (decision.action === "extend" && open) await countIncidentFailure(open, tx);
      return { monitor, incident: null, incidentId: open?.id ?? null };
    },
    // Many probes finish together and the embedded database serves one connection: wait rather than fail.
    { maxWait: 15_000, timeout: 15_000 },
  );
  if (recorded)
    telemetry().probeResults.inc({
      site: siteSlugOf(recorded.monitor.siteId),
      monitor: recorded.monitor.slug,
      outcome: check.ok ? "up" : "down",
    });
  return recorded;
}

type SiteRef = { slug: string; name: string } | null;

/** The monitor's site when it is not Vigil's own: its events name it and link to its pages, as alerts do. */
const siteOf = async (monitor: Monitor, tx: Parameters<typeof findSite>[1]): Promise<SiteRef> =>
  monitor.siteId === VIGIL_SITE_ID ? null : findSite(monitor.siteId, tx);

function incidentEvent(what: "opened" | "resolved", monitor: Monitor, site: SiteRef, incident: Incident, at: Date) {
  const target = monitor.kind === "heartbeat" ? "heartbeat" : `${monitor.method} ${monitor.url}`;
  const minutes = incident.resolvedAt
    ? Math.max(0, Math.round((incident.resolvedAt.getTime() - incident.openedAt.getTime()) / 60_000))
    : null;
  return {
    key: `incident:${incident.id}:${what}`,
    type: `incident.${what}` as const,
    severity: "page" as const,
    title: `${site ? `[${site.name}] ` : ""}${what === "opened" ? `${monitor.name} is down` : `${monitor.name} is up again`}`,
    summary:
      what === "opened"
        ? `${incident.failures} consecutive failed ${incident.failures === 1 ? "check" : "checks"} of ${target}. Last: ${incident.cause}`
        : `Resolved after ${minutes} min and ${incident.failures} failed ${incident.failures === 1 ? "check" : "checks"} (${target}).`,
    path: site ? `/admin/uptime?site=${site.slug}` : "/admin/uptime",
    at: at.toISOString(),
    data: {
      site: site?.slug ?? VIGIL_SITE_SLUG,
      monitor: monitor.slug,
      monitorName: monitor.name,
      kind: monitor.kind,
      url: monitor.url,
      incidentId: String(incident.id),
      failures: incident.failures,
      cause: incident.cause,
      openedAt: incident.openedAt.toISOString(),
      resolvedAt: incident.resolvedAt?.toISOString() ?? null,
    },
  };
}
