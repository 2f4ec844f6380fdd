// Leaving maintenance out of counts: pure, on plain data. A source reads its counts over the parts of a range that
// lie inside maintenance, and these are taken off the range's counts. Each source decides what "inside" means at
// its grain: the start of a minute bucket (requests, custom events), the event's own time (probes, raw vitals),
// or a whole hour where finer rows are already pruned (then a partial hour is not left out: the count errs on
// the side of keeping events, never takes off more than was there).
import type { Interval } from "@/lib/maintenance/expand";

export type EventCounts = { good: number; total: number };

/** The parts of `range` inside the (sorted, disjoint) intervals. */
export function partsInside(range: Interval, intervals: readonly Interval[]): Interval[] {
  const from = range.from.getTime();
  const to = range.to.getTime();
  const out: Interval[] = [];
  for (const i of intervals) {
    const a = Math.max(from, i.from.getTime());
    const b = Math.min(to, i.to.getTime());
    if (a < b) out.push({ from: new Date(a), to: new Date(b) });
  }
  return out;
}

/** Counts with those inside maintenance taken off; never below zero, good never above total. */
export function subtractCounts(whole: EventCounts, inside: readonly EventCounts[]): EventCounts {
  const good = whole.good - inside.reduce((n, c) => n + c.good, 0);
  const total = whole.total - inside.reduce((n, c) => n + c.total, 0);
  const t = Math.max(0, total);
  return { good: Math.min(t, Math.max(0, good)), total: t };
}

/** Per chart step (starting at `t`), the parts of it inside maintenance. */
export function stepPartsInside(
  plan: { start: Date; end: Date; stepMinutes: number },
  intervals: readonly Interval[],
): Array<{ t: number; part: Interval }> {
  const step = plan.stepMinutes * 60_000;
  const out: Array<{ t: number; part: Interval }> = [];
  for (const part of partsInside({ from: plan.start, to: plan.end }, intervals)) {
    // Split each part on step boundaries (steps are aligned on plan.start).
    let a = part.from.getTime();
    while (a < part.to.getTime()) {
      const t = plan.start.getTime() + Math.floor((a - plan.start.getTime()) / step) * step;
      const b = Math.min(part.to.getTime(), t + step);
      out.push({ t, part: { from: new Date(a), to: new Date(b) } });
      a = b;
    }
  }
  return out;
}

/** Steps with the counts inside maintenance of each step taken off. */
export function subtractSteps<S extends EventCounts & { t: number }>(
  steps: readonly S[],
  inside: ReadonlyArray<EventCounts & { t: number }>,
): S[] {
  const byT = new Map<number, EventCounts[]>();
  for (const c of inside) byT.set(c.t, [...(byT.get(c.t) ?? []), c]);
  return steps.map((s) => ({ ...s, ...subtractCounts(s, byT.get(s.t) ?? []) }));
}
