// Axis ranges for the SLO charts, chosen so the target and the alert thresholds are always on screen.

export const BURN_THRESHOLDS = [
  { factor: 14.4, label: "14.4× page (1h)", color: "#dc2626" },
  { factor: 6, label: "6× page (6h)", color: "#ea580c" },
  { factor: 3, label: "3× ticket (1d)", color: "#ca8a04" },
  { factor: 1, label: "1× ticket (3d)", color: "#71717a" },
] as const;

/** SLI axis in percent: from a little under the lowest of the target and the data, up to 100 %. */
export function sliDomain(
  valuesPct: readonly number[],
  objectivePct: number,
): { domain: [number, number]; digits: number } {
  const lo = Math.min(objectivePct, ...valuesPct);
  const span = 100 - lo;
  const bottom = Math.max(0, lo - Math.max(span * 0.25, 0.05));
  const range = 100 - bottom;
  return { domain: [bottom, 100], digits: range < 0.5 ? 2 : range < 5 ? 1 : 0 };
}

/** Burn rates from 0 to above the page threshold (or the highest burn), with ticks on the thresholds. */
export function burnAxis(burns: readonly number[]): { max: number; ticks: number[] } {
  const max = Math.max(16, ...burns.map((b) => b * 1.1));
  const ticks = [0, 1, 3, 6, 14.4, ...[50, 100, 200, 500, 1000, 2000, 5000].filter((t) => t < max * 0.9)];
  return { max, ticks };
}

/** Budget left in percent: 0 to 100, further down when overspent. */
export function budgetDomain(valuesPct: readonly number[]): [number, number] {
  const lo = Math.min(0, ...valuesPct);
  return [lo < 0 ? Math.floor(lo / 25) * 25 : 0, 100];
}
