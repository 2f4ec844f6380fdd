import { SLO_WINDOWS, type SloWindow } from "@/lib/slo/spec";

export type Severity = "page" | "ticket";
export type BurnRuleId = "page-1h" | "page-6h" | "ticket-1d" | "ticket-3d";
export type RuleId = BurnRuleId | "absent";

export type BurnRule = {
  id: BurnRuleId;
  severity: Severity;
  /** Both windows must burn faster than `factor`: the long one proves it matters, the short one that it still happens. */
  longMinutes: number;
  shortMinutes: number;
  factor: number;
  /** How long the condition must hold before the alert fires; 0 fires at the first evaluation that sees it. */
  forMinutes: number;
};

/**
 * The Google SRE workbook's multiwindow, multi-burn-rate table for a 30-day SLO (chapter 5, table 5-8). 14.4 over
 * 1 h spends 2 % of a 30-day budget, 6 over 6 h 5 %, 3 over 1 d and 1 over 3 d 10 %. Pages fire at once (their
 * short window already filters blips); tickets wait 5 minutes so a single half-flushed minute never opens one.
 */
export const BURN_RULES_30D: readonly BurnRule[] = [
  { id: "page-1h", severity: "page", longMinutes: 60, shortMinutes: 5, factor: 14.4, forMinutes: 0 },
  { id: "page-6h", severity: "page", longMinutes: 360, shortMinutes: 30, factor: 6, forMinutes: 0 },
  { id: "ticket-1d", severity: "ticket", longMinutes: 1440, shortMinutes: 120, factor: 3, forMinutes: 5 },
  { id: "ticket-3d", severity: "ticket", longMinutes: 4320, shortMinutes: 360, factor: 1, forMinutes: 5 },
];

/** No events for `absentMinutes` (spec.alerting) after there were some in the window: the data stopped. */
export const ABSENT_RULE = { id: "absent", severity: "ticket", forMinutes: 0 } as const satisfies {
  id: RuleId;
  severity: Severity;
  forMinutes: number;
};

/**
 * The table for an SLO window: windows scale by window / 30 d (rounded to whole minutes, at least one), factors
 * stay, so each rule still means "this share of the budget is gone".
 */
export function burnRulesFor(window: SloWindow): BurnRule[] {
  const scale = SLO_WINDOWS[window] / 30;
  const minutes = (m: number) => Math.max(1, Math.round(m * scale));
  return BURN_RULES_30D.map((r) => ({
    ...r,
    longMinutes: minutes(r.longMinutes),
    shortMinutes: minutes(r.shortMinutes),
  }));
}

/** The error ratio above which a rule's windows burn too fast: factor × (1 − objective). */
export const burnThreshold = (factor: number, objective: number) => roundRatio(factor * (1 - objective));

/** A rule whose threshold is 1 or more can never hold (an error ratio never exceeds 1), e.g. 14.4× of a 75 % SLO. */
export const canFire = (factor: number, objective: number) => burnThreshold(factor, objective) < 1;

/** Share of the whole SLO window's budget that a rule's long window spends at exactly its factor. */
export const budgetSpent = (rule: Pick<BurnRule, "factor" | "longMinutes">, window: SloWindow) =>
  roundRatio((rule.factor * rule.longMinutes) / (SLO_WINDOWS[window] * 24 * 60));

// 1 − 0.999 is 0.0010000000000000009 in binary floating point; twelve significant digits give back 0.001.
const roundRatio = (x: number) => Number(x.toPrecision(12));

/**
 * Alert identity: one open alert per SLO, rule and (for SLOs grouped by route) route; the partial unique index on
 * alerts.fingerprint (160 characters: a longer route is named by a hash of it).
 */
export function fingerprintOf(slo: string, rule: RuleId, group: string | null = null): string {
  if (group === null) return `${slo}:${rule}`;
  const full = `${slo}:${rule}:${group}`;
  return full.length <= 160 ? full : `${slo}:${rule}:#${fnv1a(group)}`;
}

/** The route of a grouped alert's fingerprint (null for ungrouped ones, and for hashed long routes). */
export const groupOfFingerprint = (fingerprint: string): string | null => {
  const third = fingerprint.split(":")[2];
  return third?.startsWith("/") ? third : null;
};

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, "0");
}

/** "1h", "5m", "3d", "1h24m": how windows are named on screen and in alerts. */
export function windowLabel(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return minutes > 60 ? `${Math.floor(minutes / 60)}h${minutes % 60}m` : `${minutes}m`;
}
