import "server-only";
import { lastJobStart } from "@/lib/scheduler/job-run-repository";
import { readOpenAlerts, readResolvedAlerts, type AlertRow } from "@/lib/slo/alert-repository";
import type { AlertFigures } from "@/lib/slo/burn-verdicts";
import { sloSpecs } from "@/lib/slo/config";

const HISTORY = 100;

export type AlertView = {
  id: string;
  slo: string;
  sloName: string;
  runbookUrl: string | null;
  rule: string;
  severity: "page" | "ticket";
  state: "pending" | "firing" | "resolved";
  startedAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  lastEvalAt: string;
  summary: string;
  /** What fired it (the latest figures while pending). */
  figures: AlertFigures;
  latest: AlertFigures;
  /** Who took it, when, and their note. */
  ack: { by: string; at: string; note: string | null } | null;
};
export type AlertsPageData = {
  open: AlertView[];
  history: AlertView[];
  historyLimit: number;
  lastEvaluatedAt: string | null;
};

function view(a: AlertRow): AlertView {
  const spec = sloSpecs().find((s) => s.id === a.slo);
  return {
    id: String(a.id),
    slo: a.slo,
    sloName: spec?.name ?? a.slo,
    runbookUrl: spec?.runbookUrl ?? null,
    rule: a.rule,
    severity: a.severity,
    state: a.state,
    startedAt: a.startedAt.toISOString(),
    firedAt: a.firedAt?.toISOString() ?? null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    lastEvalAt: a.lastEvalAt.toISOString(),
    summary: a.summary,
    figures: a.figures.fired ?? a.figures.latest,
    latest: a.figures.latest,
    ack: a.acknowledgedAt
      ? { by: a.acknowledgedBy ?? "someone", at: a.acknowledgedAt.toISOString(), note: a.ackNote }
      : null,
  };
}

/** The Alerts page: open alerts (firing first), the latest resolved ones, and when the evaluator last ran. */
export async function loadAlertsPage(siteId: number): Promise<AlertsPageData> {
  const [open, history, last] = await Promise.all([
    readOpenAlerts(siteId),
    readResolvedAlerts(siteId, HISTORY),
    lastJobStart("slo-evaluate").catch(() => null),
  ]);
  const rank = (a: AlertRow) => (a.state === "firing" ? 0 : 1) + (a.severity === "page" ? 0 : 2);
  return {
    open: [...open].sort((a, b) => rank(a) - rank(b)).map(view),
    history: history.map(view),
    historyLimit: HISTORY,
    lastEvaluatedAt: last?.toISOString() ?? null,
  };
}
