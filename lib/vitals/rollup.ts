import { bucketOf, type Histogram } from "@/lib/vitals/histogram";
import type { MetricName, Rating } from "@/lib/vitals/metrics";

export type Grain = "hour" | "day";
/** `weight` -1 takes a stored sample back out (a replay that replaces it); the default is +1. */
export type RollupInput = {
  siteId: number;
  ts: Date;
  metric: MetricName;
  value: number;
  rating: Rating;
  route: string;
  device: string;
  weight?: 1 | -1;
};
/** One rollup cell: a bucket of one metric on one route and device, with its counts and histogram. */
export type RollupCounts = {
  bucketStart: Date;
  metric: MetricName;
  route: string;
  device: string;
  count: number;
  good: number;
  needsImprovement: number;
  poor: number;
  hist: Histogram;
};
export type RollupDelta = RollupCounts & { siteId: number; grain: Grain; sum: number };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const truncate = (ts: Date | number, grain: Grain) => {
  const ms = typeof ts === "number" ? ts : ts.getTime();
  const size = grain === "hour" ? HOUR : DAY;
  return new Date(Math.floor(ms / size) * size);
};

export const ALL_ROUTES = "*";
export const ALL_DEVICES = "all";

/**
 * Aggregates rows into one delta per (grain, bucket, metric, route, device), including the "all routes" and
 * "all devices" levels so unfiltered reads touch one row per bucket. Sorted so upserts lock in one order; cells
 * that net to nothing (a replay that moved nothing) are left out.
 */
export function rollupDeltas(rows: readonly RollupInput[], grains: readonly Grain[] = ["hour", "day"]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  // Hot path of every ingest batch: one bucket and one time truncation per row and grain, four cells each.
  const add = (
    key: string,
    grain: Grain,
    start: number,
    row: RollupInput,
    route: string,
    device: string,
    w: number,
    b: string,
  ) => {
    let d = byKey.get(key);
    if (!d) {
      d = {
        siteId: row.siteId,
        grain,
        bucketStart: new Date(start),
        metric: row.metric,
        route,
        device,
        count: 0,
        good: 0,
        needsImprovement: 0,
        poor: 0,
        sum: 0,
        hist: {},
      };
      byKey.set(key, d);
    }
    d.count += w;
    d.sum += w * row.value;
    if (row.rating === "good") d.good += w;
    else if (row.rating === "poor") d.poor += w;
    else d.needsImprovement += w;
    const n = (d.hist[b] ?? 0) + w;
    if (n === 0) delete d.hist[b];
    else d.hist[b] = n;
  };
  for (const row of rows) {
    const w = row.weight ?? 1;
    const b = bucketOf(row.value);
    const ms = row.ts.getTime();
    for (const grain of grains) {
      const size = grain === "hour" ? HOUR : DAY;
      const start = Math.floor(ms / size) * size;
      const prefix = `${row.siteId}|${grain}|${row.metric}|${start}|`;
      add(`${prefix}${row.route}|${row.device}`, grain, start, row, row.route, row.device, w, b);
      add(`${prefix}${row.route}|${ALL_DEVICES}`, grain, start, row, row.route, ALL_DEVICES, w, b);
      add(`${prefix}${ALL_ROUTES}|${row.device}`, grain, start, row, ALL_ROUTES, row.device, w, b);
      add(`${prefix}${ALL_ROUTES}|${ALL_DEVICES}`, grain, start, row, ALL_ROUTES, ALL_DEVICES, w, b);
    }
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d)
    .filter(
      (d) =>
        d.count !== 0 ||
        d.good !== 0 ||
        d.poor !== 0 ||
        d.needsImprovement !== 0 ||
        d.sum !== 0 ||
        Object.keys(d.hist).length > 0,
    );
}
