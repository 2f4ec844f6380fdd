// Maintenance windows as concrete intervals: pure, UTC only (no time zones, so no DST), unit-tested beside.

export const DAY_MS = 86_400_000;
export const RECURRENCES = ["none", "daily", "weekly"] as const;
export type Recurrence = (typeof RECURRENCES)[number];

/** A half-open interval [from, to). */
export type Interval = { from: Date; to: Date };

/**
 * A stored window: its (first) occurrence [startsAt, endsAt); daily ones repeat it every UTC day, weekly ones on
 * the listed UTC weekdays (0 = Sunday), at the same time of day and for the same duration, from the day of
 * startsAt on and starting no later than the UTC day `until` (inclusive) when set.
 */
export type WindowRule = {
  startsAt: Date;
  endsAt: Date;
  recurrence: Recurrence;
  weekdays: readonly number[];
  until: Date | null;
};

/** Occurrences of one window overlapping [range.from, range.to), clipped to the range, in order. */
export function occurrencesOf(rule: WindowRule, range: Interval): Interval[] {
  const from = range.from.getTime();
  const to = range.to.getTime();
  const start0 = rule.startsAt.getTime();
  const duration = rule.endsAt.getTime() - start0;
  if (duration <= 0 || to <= from) return [];
  const clip = (s: number): Interval | null => {
    const a = Math.max(s, from);
    const b = Math.min(s + duration, to);
    return a < b ? { from: new Date(a), to: new Date(b) } : null;
  };
  if (rule.recurrence === "none") {
    const one = clip(start0);
    return one ? [one] : [];
  }
  const timeOfDay = ((start0 % DAY_MS) + DAY_MS) % DAY_MS;
  const lastDay = rule.until ? Math.floor(rule.until.getTime() / DAY_MS) : Number.POSITIVE_INFINITY;
  // Days whose occurrence can reach the range: it starts before `to` and ends after `from`. The range bounds the loop.
  const firstDay = Math.max(Math.floor(start0 / DAY_MS), Math.floor((from - duration - timeOfDay) / DAY_MS));
  const out: Interval[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const s = day * DAY_MS + timeOfDay;
    if (s >= to) break;
    if (rule.recurrence === "weekly" && !rule.weekdays.includes((((day + 4) % 7) + 7) % 7)) continue; // 1970-01-01 was a Thursday
    const c = clip(s);
    if (c) out.push(c);
  }
  return out;
}

/** Sorted, with overlapping or touching intervals merged into one. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.from.getTime() - b.from.getTime());
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.from.getTime() <= last.to.getTime()) {
      if (i.to.getTime() > last.to.getTime()) out[out.length - 1] = { from: last.from, to: i.to };
    } else out.push({ from: i.from, to: i.to });
  }
  return out;
}

/** Every window's occurrences inside the range, as one sorted list of disjoint intervals. */
export function expandWindows(rules: readonly WindowRule[], range: Interval): Interval[] {
  return mergeIntervals(rules.flatMap((r) => occurrencesOf(r, range)));
}

/** Whether `t` lies inside one of the intervals. */
export function insideAny(intervals: readonly Interval[], t: Date): boolean {
  const ms = t.getTime();
  return intervals.some((i) => i.from.getTime() <= ms && ms < i.to.getTime());
}

/** The next start of a window at or after `now` (the occurrence running at `now` included), within `horizonMs`. */
export function nextOccurrence(rule: WindowRule, now: Date, horizonMs: number): Interval | null {
  const range = { from: now, to: new Date(now.getTime() + horizonMs) };
  const first = occurrencesOf(rule, range)[0];
  if (!first) return null;
  // Clipping moved a running occurrence's start to `now`: give it back its real start.
  const duration = rule.endsAt.getTime() - rule.startsAt.getTime();
  const running = first.from.getTime() === now.getTime() && first.to.getTime() - now.getTime() < duration;
  return running ? { from: new Date(first.to.getTime() - duration), to: first.to } : first;
}
