// Display formats for SLO figures, shared by pages, alert texts and the e2e checks so "shown" and "expected" agree.

const trunc = (x: number, digits: number) => Math.floor(x * 10 ** digits + 1e-6) / 10 ** digits;

/** An SLI as a percentage truncated to 3 decimals: 99.8996 % shows 99.899 %, never rounded up to a 99.9 % target. */
export function formatSli(ratio: number | null): string {
  return ratio === null ? "—" : `${trunc(ratio * 100, 3).toFixed(3)}%`;
}

/** Budget left, truncated to 1 decimal (so never shown fuller than it is); negative once overspent. */
export function formatBudget(ratio: number | null): string {
  return ratio === null ? "—" : `${trunc(ratio * 100, 1).toFixed(1)}%`;
}

export function formatBurn(rate: number | null): string {
  if (rate === null) return "—";
  if (rate === 0) return "0×";
  return `${rate < 10 ? rate.toFixed(2) : rate.toFixed(1)}×`;
}

/** 0.999 → "99.9%", 0.75 → "75%". */
export const formatObjective = (objective: number) => `${Number((objective * 100).toFixed(4))}%`;

/** Event counts (latency "good" counts are fractional: the threshold's bucket is split). */
export const formatEvents = (n: number) => Math.round(n).toLocaleString("en-US");
