import type { SloSpec } from "@/lib/slo/spec";
import type { Range } from "@/lib/slo/windows";

/**
 * Fields that define what an SLO measures and promises: changing one starts a new version, because budgets of the
 * old definition say nothing about the new one. Name, description, owner, runbook and alerting are labels and
 * tuning: editing them keeps the version.
 */
export const VERSIONED_FIELDS = [
  "kind",
  "objective",
  "window",
  "routes",
  "routePrefix",
  "methods",
  "thresholdMs",
  "metric",
  "route",
  "device",
  "monitor",
  "groupBy",
  "maxGroups",
] as const;

const definitionOf = (spec: SloSpec) =>
  JSON.stringify(VERSIONED_FIELDS.map((f) => (spec as Record<string, unknown>)[f] ?? null));

/** Whether saving `next` over `prev` starts a new version. */
export const startsNewVersion = (prev: SloSpec, next: SloSpec): boolean => definitionOf(prev) !== definitionOf(next);

/**
 * Where the measured version begins: nowhere for version 1 (the first definition also measures the data that was
 * there before it was written down), its start for every later one.
 */
export const versionSince = (version: number, startedAt: Date): Date | null => (version > 1 ? startedAt : null);

/** A range clipped to a version's start; empty (from = to) when it ends before the version began. */
export function clipToVersion(range: Range, since: Date | null): Range {
  if (!since || since.getTime() <= range.from.getTime()) return range;
  const from = new Date(Math.min(since.getTime(), range.to.getTime()));
  return { from, to: range.to };
}

/** "v1", or "v3 since 2026-12-01 14:05 UTC": which definition a budget or chart shows. */
export function versionLabel(version: number, since: Date | null): string {
  if (!since) return `v${version}`;
  return `v${version} since ${since.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
