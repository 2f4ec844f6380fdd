import { truncate } from "@/lib/vitals/rollup";

export const WINDOWS = { "24h": 24, "7d": 7 * 24, "30d": 30 * 24, "90d": 90 * 24 } as const;
export type WindowKey = keyof typeof WINDOWS;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type Range = { from: Date; to: Date }; // [from, to)
export type WindowPlan = { start: Date; end: Date; days: Range | null; hours: Range[] };

/**
 * Splits [floor_hour(start), end) into whole UTC days (daily rollups) and the hours around them (hourly
 * rollups). `end` is exclusive and rounded up to the hour so the running hour is included.
 */
export function planWindow(start: Date, end: Date): WindowPlan {
  const from = truncate(start, "hour");
  const to = new Date(Math.ceil(end.getTime() / HOUR) * HOUR);
  const firstDay = new Date(Math.ceil(from.getTime() / DAY) * DAY);
  const lastDay = truncate(to, "day");
  if (firstDay >= lastDay) return { start: from, end: to, days: null, hours: [{ from, to }] };
  const hours = [
    { from, to: firstDay },
    { from: lastDay, to },
  ].filter((r) => r.from < r.to);
  return { start: from, end: to, days: { from: firstDay, to: lastDay }, hours };
}

/**
 * The plan behind each window choice. 24h is whole hours. Day windows are whole UTC days including today so far:
 * today's daily rollup is updated with every beacon, so they read daily rows only (half the data of hour edges).
 */
export function windowPlanFor(key: WindowKey, now = new Date()): WindowPlan {
  const hours = WINDOWS[key];
  if (hours <= 24) return planWindow(new Date(now.getTime() - hours * HOUR), now);
  const from = new Date(truncate(now, "day").getTime() - (hours / 24 - 1) * DAY);
  const to = new Date(truncate(now, "day").getTime() + DAY);
  return { start: from, end: new Date(Math.ceil(now.getTime() / HOUR) * HOUR), days: { from, to }, hours: [] };
}
