import { SLO_WINDOWS, type SloWindow } from "@/lib/slo/spec";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const BASE_DAYS = 30;

export type BurnRateRuleId = "page-1h" | "page-6h" | "ticket-1d" | "ticket-3d";

export type BurnRateRule = {
  /** Stable key of alerts ("<slo id>:<rule id>"), named after its long window for a 30-day SLO. */
  id: BurnRateRuleId;
  severity: "page" | "ticket";
  /** The rule holds when both windows burn the error budget faster than this many times its even pace. */
  factor: number;
  longMs: number;
  shortMs: number;
  /** How long the condition must keep holding before the alert fires; 0 fires at the first evaluation. */
  forMinutes: number;
};

/** The Google SRE workbook's multi-window multi-burn-rate table, for a 30-day SLO window. */
export const BURN_RATE_RULES: readonly BurnRateRule[] = [
  { id: "page-1h", severity: "page", factor: 14.4, longMs: HOUR_MS, shortMs: 5 * MINUTE_MS, forMinutes: 0 },
  { id: "page-6h", severity: "page", factor: 6, longMs: 6 * HOUR_MS, shortMs: 30 * MINUTE_MS, forMinutes: 0 },
  { id: "ticket-1d", severity: "ticket", factor: 3, longMs: 24 * HOUR_MS, shortMs: 2 * HOUR_MS, forMinutes: 15 },
  { id: "ticket-3d", severity: "ticket", factor: 1, longMs: 72 * HOUR_MS, shortMs: 6 * HOUR_MS, forMinutes: 15 },
];

/**
 * The table for an SLO window: both alert windows scale by window / 30 days (a 7-day SLO pages on 14 min and 70 s);
 * factors stay, so each rule still means "this share of the whole budget spent in the long window".
 */
export function scaledRules(window: SloWindow): BurnRateRule[] {
  const days = SLO_WINDOWS[window];
  // Every base window is a whole number of 5 minutes, so the scaled ones are whole seconds for 7, 28 and 30 days.
  const scale = (ms: number) => Math.round((ms * days) / BASE_DAYS);
  return BURN_RATE_RULES.map((r) => ({ ...r, longMs: scale(r.longMs), shortMs: scale(r.shortMs) }));
}

/** The error ratio above which a rule's windows burn too fast: factor × (1 − objective). */
export const burnThreshold = (factor: number, objective: number) => roundRatio(factor * (1 - objective));

/** A rule whose threshold is 1 or more can never hold (an error ratio never exceeds 1), e.g. 14.4× of a 75 % SLO. */
export const canFire = (factor: number, objective: number) => burnThreshold(factor, objective) < 1;

/** Share of the whole SLO window's budget that a rule's long window spends at exactly its factor. */
export const budgetSpent = (rule: Pick<BurnRateRule, "factor" | "longMs">, window: SloWindow) =>
  roundRatio((rule.factor * rule.longMs) / (SLO_WINDOWS[window] * 24 * HOUR_MS));

// 1 − 0.999 is 0.0010000000000000009 in binary floating point; twelve significant digits give back 0.001.
const roundRatio = (x: number) => Number(x.toPrecision(12));
