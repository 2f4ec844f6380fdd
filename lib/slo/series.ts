import { burnRate, sli } from "@/lib/slo/math";

/** Good and total events of one chart step starting at `t` (ms). */
export type StepCounts = { t: number; good: number; total: number };
export type SloPoint = {
  t: number;
  good: number;
  total: number;
  /** The step's own SLI and burn rate; null for a step without events. */
  sli: number | null;
  burn: number | null;
  /** Share of the window's error budget left at the end of this step (burn-down); null when the window is empty. */
  budgetRemaining: number | null;
};

/**
 * One point per step from start to end (steps without events included, so gaps show). The burn-down measures
 * every step against the budget of the whole window, (1 − objective) · its events: it starts at 100 % and its last
 * point is the budget left now.
 */
export function sloSeries(
  steps: readonly StepCounts[],
  plan: { start: Date; end: Date; stepMinutes: number },
  objective: number,
): SloPoint[] {
  const byT = new Map(steps.map((s) => [s.t, s]));
  const step = plan.stepMinutes * 60_000;
  const points: Array<Omit<SloPoint, "budgetRemaining">> = [];
  for (let t = plan.start.getTime(); t < plan.end.getTime(); t += step) {
    const c = byT.get(t) ?? { good: 0, total: 0 };
    points.push({ t, good: c.good, total: c.total, sli: sli(c), burn: burnRate(c, objective) });
  }
  const total = points.reduce((n, p) => n + p.total, 0);
  const allowed = (1 - objective) * total;
  let bad = 0;
  return points.map((p) => {
    bad += p.total - p.good;
    return { ...p, budgetRemaining: total > 0 ? 1 - bad / allowed : null };
  });
}
