import "server-only";
import { lastJobStart } from "@/lib/scheduler/job-run-repository";
import { readOpenAlerts, readResolvedAlerts, type AlertRow, type AlertSeverity } from "@/lib/slo/alert-repository";
import type { AnyAlertFigures } from "@/lib/slo/burn-verdicts";
import { groupOfFingerprint } from "@/lib/slo/rules";
import { runbookOf } from "@/lib/slo/runbook";
import { listStoredSlos } from "@/lib/slo/slo-store";
import type { SloSpec } from "@/lib/slo/spec";
import { budgetAlertHeadline, type BudgetFigures } from "@/lib/vitals/budget-evaluate";

const HISTORY = 100;

export type AlertView = {
  id: string;
  slo: string;
  sloName: string;
  runbookUrl: string | null;
  rule: string;
  severity: AlertSeverity;
  state: "pending" | "firing" | "resolved";
  startedAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  lastEvalAt: string;
  summary: string;
  /** Where to look: the SLO on the SLOs page, or the budget's metric on the Web Vitals page (no site). */
  href: string;
  /** What fired it (the latest figures while pending). */
  figures: AnyAlertFigures;
  latest: AnyAlertFigures;
  /** Who took it, when, and their note. */
  ack: { by: string; at: string; note: string | null } | null;
};
export type AlertsPageData = {
  open: AlertView[];
  history: AlertView[];
  historyLimit: number;
  lastEvaluatedAt: string | null;
};

const BUDGET_RUNBOOK = "RUNBOOK.md#web-vitals-budget-alerts";

/** /admin/vitals showing the budget's metric at its percentile, route and device. */
function vitalsPath(f: BudgetFigures): string {
  const q = new URLSearchParams({ metric: f.metric, p: String(f.percentile) });
  if (f.route !== "*") q.set("route", f.route);
  if (f.device !== "all") q.set("device", f.device);
  return `/admin/vitals?${q}`;
}

function view(a: AlertRow, specs: readonly SloSpec[]): AlertView {
  const spec = specs.find((s) => s.id === a.slo);
  const route = groupOfFingerprint(a.fingerprint);
  const shown = a.figures.fired ?? a.figures.latest;
  const budget = shown.rule === "budget" ? shown : null;
  return {
    id: String(a.id),
    slo: a.slo,
    sloName: budget ? budgetAlertHeadline(budget) : `${spec?.name ?? a.slo}${route ? ` · ${route}` : ""}`,
    runbookUrl: budget ? BUDGET_RUNBOOK : spec ? runbookOf(spec) : null,
    href: budget ? vitalsPath(budget) : `/admin/slos#slo-${a.slo}`,
    rule: a.rule,
    severity: a.severity,
    state: a.state,
    startedAt: a.startedAt.toISOString(),
    firedAt: a.firedAt?.toISOString() ?? null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    lastEvalAt: a.lastEvalAt.toISOString(),
    summary: a.summary,
    figures: shown,
    latest: a.figures.latest,
    ack: a.acknowledgedAt
      ? { by: a.acknowledgedBy ?? "someone", at: a.acknowledgedAt.toISOString(), note: a.ackNote }
      : null,
  };
}

/** The Alerts page: open alerts (firing first), the latest resolved ones, and when the evaluator last ran. */
export async function loadAlertsPage(siteId: number): Promise<AlertsPageData> {
  const [specs, open, history, last] = await Promise.all([
    listStoredSlos(siteId).then((slos) => slos.map((s) => s.spec)),
    readOpenAlerts(siteId),
    readResolvedAlerts(siteId, HISTORY),
    lastJobStart("slo-evaluate").catch(() => null),
  ]);
  const rank = (a: AlertRow) => (a.state === "firing" ? 0 : 1) + (a.severity === "page" ? 0 : 2);
  return {
    open: [...open].sort((a, b) => rank(a) - rank(b)).map((a) => view(a, specs)),
    history: history.map((a) => view(a, specs)),
    historyLimit: HISTORY,
    lastEvaluatedAt: last?.toISOString() ?? null,
  };
}
