// SLI, error budget and burn rate from good/total event counts. Without events there is no ratio: null, never 0/0.

export type Counts = { good: number; total: number };
export const NO_EVENTS: Counts = { good: 0, total: 0 };

export const addCounts = (a: Counts, b: Counts): Counts => ({ good: a.good + b.good, total: a.total + b.total });
export const badOf = (c: Counts) => c.total - c.good;

/** good / total; null without events ("no data"). */
export function sli(c: Counts): number | null {
  return c.total > 0 ? c.good / c.total : null;
}

export type Budget = {
  /** Bad events the objective allows over the window: (1 − objective) · total. */
  total: number;
  /** Bad events so far. */
  consumed: number;
  /** total − consumed; negative once overspent. */
  remaining: number;
  /** 1 − consumed / total; null without events, below 0 once overspent. */
  remainingRatio: number | null;
};

export function errorBudget(c: Counts, objective: number): Budget {
  const allowed = (1 - objective) * c.total;
  const consumed = badOf(c);
  return {
    total: allowed,
    consumed,
    remaining: allowed - consumed,
    remainingRatio: c.total > 0 ? 1 - consumed / allowed : null,
  };
}

/** How many times faster than "exactly spent at the window's end" the budget burns: (bad / total) / (1 − objective). */
export function burnRate(c: Counts, objective: number): number | null {
  return c.total > 0 ? badOf(c) / c.total / (1 - objective) : null;
}
