// Display formats shared by the pages, the overview cards and the e2e checks, so "shown" and "expected" agree.

/** Error-rate precision grows as the rate shrinks; a non-zero rate never rounds to 0 % and never up to 100 %. */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  const pct = rate * 100;
  if (pct === 0) return "0%";
  if (pct < 0.01) return "<0.01%";
  if (pct < 1) return `${pct.toFixed(2)}%`;
  if (pct >= 99.9 && pct < 100) return ">99.9%";
  if (pct < 100) return `${pct.toFixed(1)}%`;
  return "100%";
}

export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export const formatCount = (n: number) => n.toLocaleString("en-US");

export function formatPerMinute(n: number): string {
  if (n === 0) return "0";
  if (n < 0.01) return "<0.01";
  if (n < 10) return n.toFixed(2);
  if (n < 100) return n.toFixed(1);
  return Math.round(n).toLocaleString("en-US");
}
