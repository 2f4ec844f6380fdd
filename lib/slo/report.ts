import "server-only";
import { sloMaintenance, withoutMaintenance } from "@/lib/maintenance/exclude-source";
import { partsInside } from "@/lib/maintenance/exclusion";
import { lastJobStart } from "@/lib/scheduler/job-run-repository";
import { readOpenSloAlerts, type OpenSloAlertRow } from "@/lib/slo/alert-repository";
import { sloWindowMinutes } from "@/lib/slo/burn-verdicts";
import { measureSlo, type SloMeasurement } from "@/lib/slo/measure";
import { errorBudget } from "@/lib/slo/math";
import { groupLimit } from "@/lib/slo/groups";
import { groupReport, reportItem, type AlertRef, type GroupReport, type SloReportItem } from "@/lib/slo/report-model";
import { routeGroups } from "@/lib/slo/route-groups";
import { groupOfFingerprint } from "@/lib/slo/rules";
import { sloSeries, type SloPoint } from "@/lib/slo/series";
import { activeSlos, listStoredSlos, versioned, type VersionedSpec } from "@/lib/slo/slo-store";
import { sloSource } from "@/lib/slo/sources";
import type { SloSpec } from "@/lib/slo/spec";
import type { Interval } from "@/lib/maintenance/expand";
import { rangeEndingAt, seriesPlan } from "@/lib/slo/windows";

export type SloReport = { generatedAt: string; slos: SloReportItem[] };
export type SloChart = {
  id: string;
  stepMinutes: number;
  points: SloPoint[];
  /** Site-wide maintenance inside the chart (ms), left out of its points. */
  maintenance: Array<{ from: number; to: number }>;
};
export type PausedSlo = { id: string; name: string };
export type SloPageData = SloReport & { charts: SloChart[]; lastEvaluatedAt: string | null; paused: PausedSlo[] };
type Specs = readonly (SloSpec | VersionedSpec)[];

const alertRef = (a: OpenSloAlertRow): AlertRef => ({
  id: String(a.id),
  rule: a.rule,
  severity: a.severity,
  state: a.state,
  startedAt: a.startedAt.toISOString(),
  firedAt: a.firedAt?.toISOString() ?? null,
  summary: a.summary,
  route: groupOfFingerprint(a.fingerprint),
});

/** A spec's events from its version's start, site-wide maintenance left out. */
const sourceOf = (siteId: number, spec: SloSpec, since: Date | null, maintenance: readonly Interval[]) =>
  withoutMaintenance(sloSource(siteId, spec, undefined, since), maintenance);

/** The site's active stored SLOs unless a caller (a test) names its own specs. */
const specsOf = async (siteId: number, specs: Specs | undefined): Promise<VersionedSpec[]> =>
  specs ? specs.map(versioned) : activeSlos(siteId);

async function reportOf(
  siteId: number,
  slos: readonly VersionedSpec[],
  measurements: readonly SloMeasurement[],
  now: Date,
  maintenance: readonly Interval[],
): Promise<SloReport> {
  const open = (
    await readOpenSloAlerts(
      siteId,
      measurements.map((m) => m.spec.id),
    )
  ).map((a) => ({ slo: a.slo, ref: alertRef(a) }));
  const items: SloReportItem[] = [];
  for (const [i, m] of measurements.entries()) {
    const mine = open.filter((a) => a.slo === m.spec.id).map((a) => a.ref);
    const item = reportItem(m.spec, m, mine, slos[i]);
    if (groupLimit(m.spec)) {
      const groups: GroupReport[] = [];
      for (const g of await routeGroups(siteId, m.spec, now, slos[i]!.since)) {
        const window = await sourceOf(siteId, g.spec, slos[i]!.since, maintenance).counts(
          rangeEndingAt(now, sloWindowMinutes(g.spec)),
        );
        groups.push(
          groupReport(
            g.route,
            window,
            g.spec.objective,
            mine.filter((a) => a.route === g.route),
          ),
        );
      }
      item.groups = groups;
    }
    items.push(item);
  }
  return { generatedAt: now.toISOString(), slos: items };
}

/** GET /api/observability/slo: every active SLO measured now, with its open alerts. Reads only. */
export async function loadSloReport(siteId: number, specs?: Specs, now = new Date()): Promise<SloReport> {
  const slos = await specsOf(siteId, specs);
  const measurements: SloMeasurement[] = [];
  const maintenance = await sloMaintenance(siteId, now);
  for (const s of slos) measurements.push(await measureSlo(siteId, s.spec, now, undefined, s.since, maintenance));
  return reportOf(siteId, slos, measurements, now, maintenance);
}

/** The SLOs page: the report plus, per SLO, its window (from its version's start) in chart steps. */
export async function loadSloPage(siteId: number, specs?: Specs, now = new Date()): Promise<SloPageData> {
  const stored = specs ? null : await listStoredSlos(siteId);
  const slos = stored ? stored.filter((s) => !s.paused) : await specsOf(siteId, specs);
  const report = await loadSloReport(siteId, slos, now);
  const charts: SloChart[] = [];
  const maintenance = await sloMaintenance(siteId, now);
  for (const { spec, since } of slos) {
    const plan = seriesPlan(spec.window, now);
    charts.push({
      id: spec.id,
      stepMinutes: plan.stepMinutes,
      maintenance: partsInside({ from: plan.start, to: plan.end }, maintenance).map((i) => ({
        from: i.from.getTime(),
        to: i.to.getTime(),
      })),
      points: sloSeries(await sourceOf(siteId, spec, since, maintenance).steps(plan), plan, spec.objective),
    });
  }
  const lastEvaluatedAt = await lastJobStart("slo-evaluate").catch(() => null);
  const paused = (stored ?? []).filter((s) => s.paused).map((s) => ({ id: s.spec.id, name: s.spec.name }));
  return { ...report, charts, lastEvaluatedAt: lastEvaluatedAt?.toISOString() ?? null, paused };
}

export type BudgetOverview = {
  slos: number;
  withData: number;
  worst: { id: string; name: string; window: string; remaining: number } | null;
};

/** Overview card: the SLO with the least error budget left (only its window is measured, one read per SLO). */
export async function loadBudgetOverview(siteId: number, specs?: Specs, now = new Date()): Promise<BudgetOverview> {
  const slos = await specsOf(siteId, specs);
  let worst: BudgetOverview["worst"] = null;
  let withData = 0;
  const maintenance = await sloMaintenance(siteId, now);
  for (const { spec, since } of slos) {
    const remaining = errorBudget(
      await sourceOf(siteId, spec, since, maintenance).counts(rangeEndingAt(now, sloWindowMinutes(spec))),
      spec.objective,
    ).remainingRatio;
    if (remaining === null) continue;
    withData++;
    if (!worst || remaining < worst.remaining) worst = { id: spec.id, name: spec.name, window: spec.window, remaining };
  }
  return { slos: slos.length, withData, worst };
}
