import { windowMs, type SloWindow } from "@/lib/slo/spec";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Events with from <= t < to. */
export type Range = { from: Date; to: Date };
/** "fine": per-minute rows or raw events; "hour": hourly rollups. */
export type Segment = Range & { grain: "fine" | "hour" };

const floorTo = (ms: number, size: number) => Math.floor(ms / size) * size;
const ceilTo = (ms: number, size: number) => Math.ceil(ms / size) * size;

/** The last `minutes` whole minutes up to and including the running one (its events so far). */
export function rangeEndingAt(now: Date, minutes: number): Range {
  const to = floorTo(now.getTime(), MINUTE) + MINUTE;
  return { from: new Date(to - minutes * MINUTE), to: new Date(to) };
}

/**
 * How to read a minute-aligned range cheaply and exactly: hourly rows for the whole hours inside it, fine rows for
 * the partial hours at its edges. Fine rows older than `fineSince` are gone (minute rollups and raw vitals are
 * pruned): there the range starts at the next whole hour instead, so it covers up to an hour less.
 */
export function segmentsOf({ from, to }: Range, fineSince: Date): Segment[] {
  const f = from.getTime();
  const t = to.getTime();
  const h0 = ceilTo(f, HOUR);
  const h1 = floorTo(t, HOUR);
  if (h0 >= h1) return [{ grain: "fine", from, to }];
  const segments: Segment[] = [];
  if (f < h0 && f >= fineSince.getTime()) segments.push({ grain: "fine", from, to: new Date(h0) });
  segments.push({ grain: "hour", from: new Date(h0), to: new Date(h1) });
  if (h1 < t) segments.push({ grain: "fine", from: new Date(h1), to });
  return segments;
}

/** Chart steps over an SLO window: 6 h over 28 and 30 days (112–120 points), 1 h over 7 days (168). */
export type SeriesPlan = { start: Date; end: Date; stepMinutes: number; now: Date };

export function seriesPlan(window: SloWindow, now: Date): SeriesPlan {
  const stepMinutes = window === "7d" ? 60 : 360;
  // Steps end on the hour after now, so every step is whole hourly rows and the last one holds the running hour.
  const end = floorTo(now.getTime(), HOUR) + HOUR;
  const step = stepMinutes * MINUTE;
  const start = end - ceilTo(windowMs(window), step);
  return { start: new Date(start), end: new Date(end), stepMinutes, now };
}
