import type { AbsentVerdict, BurnVerdict } from "@/lib/slo/burn-verdicts";
import { errorBudget, sli, type Budget, type Counts } from "@/lib/slo/math";
import type { Severity } from "@/lib/slo/rules";
import { runbookOf } from "@/lib/slo/runbook";
import { versionLabel } from "@/lib/slo/slo-version";
import type { SloKind, SloSpec, SloWindow } from "@/lib/slo/spec";

export type SloStatus = "ok" | "warning" | "burning" | "exhausted" | "no-data";
export type RuleReport = {
  rule: BurnVerdict["rule"]["id"];
  severity: Severity;
  factor: number;
  longMinutes: number;
  shortMinutes: number;
  longBurn: number | null;
  shortBurn: number | null;
  longEvents: number;
  holds: boolean;
  reason: BurnVerdict["reason"];
};
export type AlertRef = {
  id: string;
  rule: string;
  severity: Severity;
  state: "pending" | "firing";
  startedAt: string;
  firedAt: string | null;
  summary: string;
  /** The route of an SLO grouped by route, else null. */
  route: string | null;
};
/** One route of an SLO grouped by route: its own events, budget and alerts. */
export type GroupReport = {
  route: string;
  events: Counts;
  sli: number | null;
  budget: Budget;
  status: SloStatus;
  openAlerts: AlertRef[];
};
export type SloReportItem = {
  id: string;
  name: string;
  description: string;
  kind: SloKind;
  /** What counts as a good event, in words. */
  measures: string;
  objective: number;
  window: SloWindow;
  owner: string;
  runbookUrl: string | null;
  events: Counts;
  sli: number | null;
  budget: Budget;
  burnRates: RuleReport[];
  absentData: { minutes: number; holds: boolean } | null;
  openAlerts: AlertRef[];
  status: SloStatus;
  /** Which definition the figures measure: budgets and charts start at `versionSince` (null: all data). */
  version: number;
  versionSince: string | null;
  versionLabel: string;
  /** Per route, for an SLO grouped by route (its alerts are per route; the figures above cover every route). */
  groups: GroupReport[] | null;
};

export function measuresText(spec: SloSpec): string {
  const requests = (s: Extract<SloSpec, { kind: "availability" | "latency" }>) => {
    const where = [...(s.routePrefix ? [`under ${s.routePrefix}`] : []), ...s.routes].join(", ") || "on every route";
    return `${s.methods.length ? `${s.methods.join("/")} requests` : "Requests"} ${where}`;
  };
  switch (spec.kind) {
    case "availability":
      return `${requests(spec)} answered without a 5xx`;
    case "latency":
      return `${requests(spec)} answered within ${spec.thresholdMs} ms`;
    case "vitals":
      return `${spec.metric} samples rated good (${spec.route === "*" ? "all routes" : spec.route}, ${spec.device === "all" ? "all devices" : spec.device})`;
    case "uptime":
      return `Successful probes of monitor "${spec.monitor}"`;
    case "custom":
      return `Good events reported to POST /api/v1/slo-events as "${spec.id}"`;
  }
}

/** Burning: a page is firing. Exhausted: budget spent. Warning: any other open alert. */
export function statusOf(
  events: Counts,
  budget: Budget,
  open: readonly Pick<AlertRef, "severity" | "state">[],
): SloStatus {
  if (open.some((a) => a.severity === "page" && a.state === "firing")) return "burning";
  if (budget.remainingRatio !== null && budget.remainingRatio <= 0) return "exhausted";
  if (open.length) return "warning";
  return events.total === 0 ? "no-data" : "ok";
}

export function groupReport(route: string, window: Counts, objective: number, open: readonly AlertRef[]): GroupReport {
  const budget = errorBudget(window, objective);
  return {
    route,
    events: window,
    sli: sli(window),
    budget,
    status: statusOf(window, budget, open),
    openAlerts: [...open],
  };
}

export function reportItem(
  spec: SloSpec,
  m: { window: Counts; burn: readonly BurnVerdict[]; absent: AbsentVerdict | null },
  open: readonly AlertRef[],
  version: { version: number; since: Date | null } = { version: 1, since: null },
): SloReportItem {
  const budget = errorBudget(m.window, spec.objective);
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    kind: spec.kind,
    measures: measuresText(spec),
    objective: spec.objective,
    window: spec.window,
    owner: spec.owner,
    runbookUrl: runbookOf(spec),
    events: m.window,
    sli: sli(m.window),
    budget,
    burnRates: m.burn.map((v) => ({
      rule: v.rule.id,
      severity: v.rule.severity,
      factor: v.rule.factor,
      longMinutes: v.rule.longMinutes,
      shortMinutes: v.rule.shortMinutes,
      longBurn: v.figures.longBurn,
      shortBurn: v.figures.shortBurn,
      longEvents: v.figures.long.total,
      holds: v.holds,
      reason: v.reason,
    })),
    absentData: m.absent ? { minutes: m.absent.figures.absentMinutes, holds: m.absent.holds } : null,
    openAlerts: [...open],
    status: statusOf(m.window, budget, open),
    version: version.version,
    versionSince: version.since?.toISOString() ?? null,
    versionLabel: versionLabel(version.version, version.since),
    groups: null,
  };
}
