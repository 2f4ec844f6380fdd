import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import { sloMaintenance } from "@/lib/maintenance/exclude-source";
import { insideAny } from "@/lib/maintenance/expand";
import { duringMaintenance } from "@/lib/maintenance/silence";
import { enqueueNotification } from "@/lib/notify/outbox-repository";
import { nextTransition, type Transition } from "@/lib/slo/alert-state";
import { alertSummary, alertTitle } from "@/lib/slo/alert-text";
import {
  countOpenAlerts,
  deletePending,
  insertOpenAlert,
  markFiring,
  markResolved,
  readOpenSloAlerts,
  refreshOpenAlert,
  type OpenSloAlertRow,
  type StoredFigures,
} from "@/lib/slo/alert-repository";
import type { AlertFigures } from "@/lib/slo/burn-verdicts";
import { measureSlo, type SloMeasurement } from "@/lib/slo/measure";
import { groupLimit } from "@/lib/slo/groups";
import { routeGroups } from "@/lib/slo/route-groups";
import { ABSENT_RULE, fingerprintOf, groupOfFingerprint, type RuleId, type Severity } from "@/lib/slo/rules";
import { activeSlos, versioned, type VersionedSpec } from "@/lib/slo/slo-store";
import { runbookOf } from "@/lib/slo/runbook";
import type { SloSpec } from "@/lib/slo/spec";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { listSites } from "@/lib/sites/sites";
import { telemetry } from "@/lib/telemetry/registry";
import { evaluateBudgetAlerts } from "@/lib/vitals/budget-alerts";

export type AlertChange = {
  site: string;
  slo: string;
  /** The route of an SLO grouped by route. */
  route?: string;
  rule: string;
  change: Exclude<Transition["kind"], "none" | "hold">;
  alertId: string;
};
export type EvaluationResult = { evaluatedAt: Date; measurements: SloMeasurement[]; changes: AlertChange[] };

type RuleCheck = {
  rule: RuleId;
  severity: Severity;
  forMinutes: number;
  holds: boolean;
  figures: AlertFigures;
  summary: string;
};

function checksOf(m: SloMeasurement): RuleCheck[] {
  const checks: RuleCheck[] = m.burn.map((v) => ({
    rule: v.rule.id,
    severity: v.rule.severity,
    forMinutes: v.rule.forMinutes,
    holds: v.holds,
    figures: v.figures,
    summary: alertSummary(m.spec, v.figures),
  }));
  if (m.absent) {
    const { figures, holds } = m.absent;
    checks.push({
      rule: ABSENT_RULE.id,
      severity: ABSENT_RULE.severity,
      forMinutes: ABSENT_RULE.forMinutes,
      holds,
      figures,
      summary: alertSummary(m.spec, figures),
    });
  }
  return checks;
}

type SiteRef = { id: number; slug: string; name: string };

function notification(
  site: SiteRef,
  spec: Pick<SloSpec, "id" | "name" | "objective" | "window" | "runbookUrl"> & { kind?: SloSpec["kind"] },
  alert: { id: bigint; rule: string; severity: Severity; route: string | null },
  state: "firing" | "resolved",
  figures: AlertFigures,
  summary: string,
  now: Date,
) {
  const title = alertTitle(spec, alert.severity, alert.rule, state);
  return {
    key: `alert:${alert.id}:${state}`,
    type: state === "firing" ? ("alert.firing" as const) : ("alert.resolved" as const),
    severity: alert.severity,
    title: site.id === VIGIL_SITE_ID ? title : `[${site.name}] ${title}`,
    summary,
    path: site.id === VIGIL_SITE_ID ? "/admin/alerts" : `/admin/alerts?site=${site.slug}`,
    at: now.toISOString(),
    data: {
      alertId: String(alert.id),
      site: site.slug,
      slo: spec.id,
      rule: alert.rule,
      ...(alert.route ? { route: alert.route } : {}),
      objective: spec.objective,
      window: spec.window,
      runbookUrl: runbookOf(spec),
      figures,
    },
  };
}

/** Applies one rule's step; a state change and its notification commit in one transaction. */
async function apply(
  site: SiteRef,
  spec: SloSpec,
  check: RuleCheck,
  open: OpenSloAlertRow | undefined,
  now: Date,
  route: string | null = null,
  quiet = false,
): Promise<AlertChange | null> {
  const ref = (id: bigint) => ({ id, rule: check.rule, severity: check.severity, route });
  const next = nextTransition(open ?? null, check.holds, now, check.forMinutes);
  const step = quiet ? duringMaintenance(next) : next;
  const summary = check.summary;
  const change = (kind: AlertChange["change"], id: bigint): AlertChange => ({
    site: site.slug,
    slo: spec.id,
    rule: check.rule,
    change: kind,
    alertId: String(id),
    ...(route ? { route } : {}),
  });
  switch (step.kind) {
    case "none":
      return null;
    case "hold":
      await refreshOpenAlert(open!.id, now, { fired: open!.figures.fired, latest: check.figures });
      return null;
    case "drop":
      return (await deletePending(open!.id)) ? change("drop", open!.id) : null;
    case "open": {
      const figures: StoredFigures = { fired: step.state === "firing" ? check.figures : null, latest: check.figures };
      const id = await db.$transaction(async (tx) => {
        const id = await insertOpenAlert(
          {
            siteId: site.id,
            fingerprint: fingerprintOf(spec.id, check.rule, route),
            slo: spec.id,
            rule: check.rule,
            severity: check.severity,
            state: step.state,
            now,
            figures,
            summary,
          },
          tx,
        );
        if (id !== null && step.state === "firing")
          await enqueueNotification(tx, notification(site, spec, ref(id), "firing", check.figures, summary, now));
        return id;
      });
      return id === null ? null : change("open", id);
    }
    case "fire": {
      const moved = await db.$transaction(async (tx) => {
        if (!(await markFiring(open!.id, now, { fired: check.figures, latest: check.figures }, summary, tx)))
          return false;
        await enqueueNotification(tx, notification(site, spec, ref(open!.id), "firing", check.figures, summary, now));
        return true;
      });
      return moved ? change("fire", open!.id) : null;
    }
    case "resolve": {
      const moved = await db.$transaction(async (tx) => {
        if (!(await markResolved(open!.id, now, { fired: open!.figures.fired, latest: check.figures }, tx)))
          return false;
        await enqueueNotification(
          tx,
          notification(site, spec, ref(open!.id), "resolved", check.figures, `Resolved. ${summary}`, now),
        );
        return true;
      });
      return moved ? change("resolve", open!.id) : null;
    }
  }
}

/**
 * The "slo-evaluate" job: measures every SLO at `now`, runs its rules and moves its alerts. Idempotent for a given
 * minute (the same data gives the same steps), and safe beside another evaluator: every write names the state it
 * expects and the partial unique index keeps one open alert per rule. `configured` (the job's whole config) also
 * resolves alerts of SLOs or rules that no longer exist, which nothing would otherwise ever close.
 */
export async function evaluateSlos(
  site: SiteRef,
  slos: readonly (SloSpec | VersionedSpec)[],
  now = new Date(),
  { configured = false }: { configured?: boolean } = {},
): Promise<EvaluationResult> {
  const versions = slos.map(versioned);
  const specs = versions.map((v) => v.spec);
  // Maintenance of the whole site: its events are left out, and while it lasts nothing new fires or notifies.
  const maintenance = await sloMaintenance(site.id, now);
  const quiet = insideAny(maintenance, now);
  const measurements: SloMeasurement[] = [];
  const changes: AlertChange[] = [];
  const open = await readOpenSloAlerts(site.id, configured ? undefined : specs.map((s) => s.id));
  const openByFingerprint = new Map(open.map((a) => [a.fingerprint, a]));
  const seen = new Set<string>();
  for (const { spec, since } of versions) {
    const m = await measureSlo(site.id, spec, now, undefined, since, maintenance);
    measurements.push(m);
    // A grouped SLO alerts per route (each its own budget); its whole selection is measured for the report only.
    const units: { route: string | null; spec: SloSpec; m: SloMeasurement }[] = groupLimit(spec)
      ? []
      : [{ route: null, spec, m }];
    for (const g of await routeGroups(site.id, spec, now, since))
      units.push({
        route: g.route,
        spec: g.spec,
        m: await measureSlo(site.id, g.spec, now, undefined, since, maintenance),
      });
    for (const unit of units)
      for (const check of checksOf(unit.m)) {
        const fingerprint = fingerprintOf(spec.id, check.rule, unit.route);
        seen.add(fingerprint);
        const c = await apply(site, unit.spec, check, openByFingerprint.get(fingerprint), now, unit.route, quiet);
        if (c) changes.push(c);
      }
  }
  for (const stale of open.filter(
    (a) => !seen.has(a.fingerprint) && (configured || specs.some((s) => s.id === a.slo)),
  )) {
    const spec = specs.find((s) => s.id === stale.slo) ?? {
      id: stale.slo,
      name: stale.slo,
      objective: 0,
      window: "30d" as const,
      runbookUrl: undefined,
    };
    const reason = "The SLO or this rule is no longer configured.";
    const check: RuleCheck = {
      rule: stale.rule as RuleId,
      severity: stale.severity,
      forMinutes: 0,
      holds: false,
      figures: { rule: stale.rule as RuleId, reason },
      summary: `${spec.name}: ${reason}`,
    };
    const c = await apply(site, spec as SloSpec, check, stale, now, groupOfFingerprint(stale.fingerprint));
    if (c) changes.push(c);
  }
  await updateOpenGauge().catch((err: unknown) => logger.warn({ err }, "could not count open alerts"));
  return { evaluatedAt: now, measurements, changes };
}

async function updateOpenGauge() {
  const rows = await countOpenAlerts();
  const gauge = telemetry().alertsOpen;
  gauge.reset();
  for (const r of rows) gauge.set({ site: r.site, slo: r.slo, severity: r.severity, state: r.state }, r.n);
}

/**
 * The job's run: every active stored SLO and web-vitals budget of every site, read afresh each run (an edit in Settings applies at the
 * next minute); alerts of paused or deleted SLOs resolve. Its detail (job_runs) lists the alert changes.
 */
export async function evaluateConfiguredSlos(
  now: Date,
): Promise<{ sites: number; slos: number; changes: AlertChange[] }> {
  const sites = await listSites();
  let slos = 0;
  const changes: AlertChange[] = [];
  for (const site of sites) {
    const result = await evaluateSlos(site, await activeSlos(site.id), now, { configured: true });
    slos += result.measurements.length;
    changes.push(...result.changes, ...(await evaluateBudgetAlerts(site, now)));
  }
  return { sites: sites.length, slos, changes };
}
