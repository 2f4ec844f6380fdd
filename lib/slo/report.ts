import "server-only";
import { sloMaintenance, withoutMaintenance } from "@/lib/maintenance/exclude-source";
import { partsInside } from "@/lib/maintenance/exclusion";
import { lastJobStart } from "@/lib/scheduler/job-run-repository";
import { readOpenAlerts, type OpenAlertRow } from "@/lib/slo/alert-repository";
import { sloSpecs } from "@/lib/slo/config";
import { sloWindowMinutes } from "@/lib/slo/burn-verdicts";
import { measureSlo, type SloMeasurement } from "@/lib/slo/measure";
import { errorBudget } from "@/lib/slo/math";
import { reportItem, type AlertRef, type SloReportItem } from "@/lib/slo/report-model";
import { sloSeries, type SloPoint } from "@/lib/slo/series";
import { sloSource } from "@/lib/slo/sources";
import type { SloSpec } from "@/lib/slo/spec";
import { rangeEndingAt, seriesPlan } from "@/lib/slo/windows";

export type SloReport = { generatedAt: string; slos: SloReportItem[] };
export type SloChart = {
  id: string;
  stepMinutes: number;
  points: SloPoint[];
  /** Site-wide maintenance inside the chart (ms), left out of its points. */
  maintenance: Array<{ from: number; to: number }>;
};
export type SloPageData = SloReport & { charts: SloChart[]; lastEvaluatedAt: string | null };

const alertRef = (a: OpenAlertRow): AlertRef => ({
  id: String(a.id),
  rule: a.rule,
  severity: a.severity,
  state: a.state,
  startedAt: a.startedAt.toISOString(),
  firedAt: a.firedAt?.toISOString() ?? null,
  summary: a.summary,
});

async function reportOf(siteId: number, measurements: readonly SloMeasurement[], now: Date): Promise<SloReport> {
  const open = await readOpenAlerts(
    siteId,
    measurements.map((m) => m.spec.id),
  );
  return {
    generatedAt: now.toISOString(),
    slos: measurements.map((m) => reportItem(m.spec, m, open.filter((a) => a.slo === m.spec.id).map(alertRef))),
  };
}

/** GET /api/observability/slo: every SLO measured now, with its open alerts. Reads only; alerts move in the job. */
export async function loadSloReport(
  siteId: number,
  specs: readonly SloSpec[] = sloSpecs(),
  now = new Date(),
): Promise<SloReport> {
  const measurements: SloMeasurement[] = [];
  const maintenance = await sloMaintenance(siteId, now);
  for (const spec of specs) measurements.push(await measureSlo(siteId, spec, now, undefined, maintenance));
  return reportOf(siteId, measurements, now);
}

/** The SLOs page: the report plus, per SLO, its window in chart steps. */
export async function loadSloPage(
  siteId: number,
  specs: readonly SloSpec[] = sloSpecs(),
  now = new Date(),
): Promise<SloPageData> {
  const report = await loadSloReport(siteId, specs, now);
  const charts: SloChart[] = [];
  const maintenance = await sloMaintenance(siteId, now);
  for (const spec of specs) {
    const plan = seriesPlan(spec.window, now);
    charts.push({
      id: spec.id,
      stepMinutes: plan.stepMinutes,
      maintenance: partsInside({ from: plan.start, to: plan.end }, maintenance).map((i) => ({
        from: i.from.getTime(),
        to: i.to.getTime(),
      })),
      points: sloSeries(
        await withoutMaintenance(sloSource(siteId, spec), maintenance).steps(plan),
        plan,
        spec.objective,
      ),
    });
  }
  const lastEvaluatedAt = await lastJobStart("slo-evaluate").catch(() => null);
  return { ...report, charts, lastEvaluatedAt: lastEvaluatedAt?.toISOString() ?? null };
}

export type BudgetOverview = {
  slos: number;
  withData: number;
  worst: { id: string; name: string; window: string; remaining: number } | null;
};

/** Overview card: the SLO with the least error budget left (only its window is measured, one read per SLO). */
export async function loadBudgetOverview(
  siteId: number,
  specs: readonly SloSpec[] = sloSpecs(),
  now = new Date(),
): Promise<BudgetOverview> {
  let worst: BudgetOverview["worst"] = null;
  let withData = 0;
  const maintenance = await sloMaintenance(siteId, now);
  for (const spec of specs) {
    const remaining = errorBudget(
      await withoutMaintenance(sloSource(siteId, spec), maintenance).counts(rangeEndingAt(now, sloWindowMinutes(spec))),
      spec.objective,
    ).remainingRatio;
    if (remaining === null) continue;
    withData++;
    if (!worst || remaining < worst.remaining) worst = { id: spec.id, name: spec.name, window: spec.window, remaining };
  }
  return { slos: specs.length, withData, worst };
}
