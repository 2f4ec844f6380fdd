const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The rolling windows the Uptime page and the overview card report. */
export const UPTIME_WINDOWS = [
  { key: "24h", label: "24 h", ms: DAY },
  { key: "7d", label: "7 d", ms: 7 * DAY },
  { key: "30d", label: "30 d", ms: 30 * DAY },
  { key: "90d", label: "90 d", ms: 90 * DAY },
] as const;
export type UptimeWindowKey = (typeof UPTIME_WINDOWS)[number]["key"];

/** Checks in a window: `ok` of them succeeded. */
export type CheckCounts = { ok: number; total: number };

/** Uptime = successful checks / checks. Time without checks (monitor paused, Vigil down) is not counted. */
export function uptimeRatio({ ok, total }: CheckCounts): number | null {
  return total === 0 ? null : ok / total;
}

/**
 * Percent with exactly three decimals, rounded down so that one failed check never shows as 100.000 %; "no data"
 * without checks. Integer arithmetic: ok · 100000 / total stays exact for any realistic count.
 */
export function formatUptime(counts: CheckCounts): string {
  if (counts.total === 0) return "no data";
  const thousandths = Math.floor((counts.ok * 100_000) / counts.total);
  return `${(thousandths / 1000).toFixed(3)}%`;
}
