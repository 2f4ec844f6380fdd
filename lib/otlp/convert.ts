import type { RequestRollupRow } from "@/lib/telemetry/request-aggregator";
import { cumulativeToDelta, type StreamState } from "./cumulative";
import { OTLP_LIMITS } from "./limits";
import { estimatedSum, histogramOfTally, type Tally, tallyPoint } from "./placement";
import type { DurationPoint, HistogramPoint } from "./points";

const MINUTE_MS = 60_000;

export type ConvertOptions = {
  /** Current time (ms since the epoch): points ending outside [now − maxAgeMs, now + maxFutureMs] are dropped. */
  now: number;
  maxAgeMs?: number;
  maxFutureMs?: number;
  /** See cumulativeToDelta: streams without state that started before this only set their baseline. */
  horizonNs?: bigint;
};

export type ConvertStats = {
  /** Points that became (part of) a cell, and the requests they carried. */
  points: number;
  requests: number;
  /** Cumulative points: first of their stream, reset, stale (already seen), baseline only. */
  firsts: number;
  resets: number;
  stale: number;
  baselines: number;
  /** Points not stored: ending outside the accepted window, or with more requests than a cell holds. */
  outOfWindow: number;
  tooLarge: number;
};

export type ConvertResult = {
  /** Minute rows; the same key never appears twice. Hour rows are the caller's sums of these. */
  rows: RequestRollupRow[];
  /** The state to store for every cumulative stream whose state changed (key → state). */
  states: Map<string, StreamState>;
  stats: ConvertStats;
};

const minuteOf = (timeUnixNano: bigint) => {
  const ms = Number(timeUnixNano / 1_000_000n);
  return ms - (ms % MINUTE_MS);
};

/**
 * Request-rollup minute rows from extracted request-duration points. Each point lands whole in the minute of its
 * end time (timeUnixNano), so a cell's time precision is the sender's export interval. Cumulative points are
 * turned into deltas against `previous` (the stored state of their streams) and each other, oldest first.
 */
export function convertRequestDurations(
  points: readonly DurationPoint[],
  previous: ReadonlyMap<string, StreamState>,
  options: ConvertOptions,
): ConvertResult {
  const { now, maxAgeMs = 24 * 3_600_000, maxFutureMs = 5 * MINUTE_MS } = options;
  const stats: ConvertStats = {
    points: 0,
    requests: 0,
    firsts: 0,
    resets: 0,
    stale: 0,
    baselines: 0,
    outOfWindow: 0,
    tooLarge: 0,
  };
  type Cell = Omit<RequestRollupRow, "hist"> & { tally: Tally };
  const cells = new Map<string, Cell>();
  const states = new Map<string, StreamState>();

  const addCell = (p: DurationPoint, delta: HistogramPoint) => {
    const minute = minuteOf(delta.timeUnixNano);
    if (minute < now - maxAgeMs || minute > now + maxFutureMs) return void stats.outOfWindow++;
    const key = `${minute}|${p.route}|${p.method}|${p.statusClass}`;
    let cell = cells.get(key);
    if (delta.count + (cell?.count ?? 0) > OTLP_LIMITS.pointCount) return void stats.tooLarge++;
    if (!cell) {
      const { route, method, statusClass } = p;
      cell = {
        grain: "minute",
        bucketStart: new Date(minute),
        route,
        method,
        statusClass,
        count: 0,
        durationSumMs: 0,
        tally: new Map(),
      };
      cells.set(key, cell);
    }
    const before = delta.sum === null ? new Map(cell.tally) : null;
    tallyPoint(cell.tally, delta, p.unitToMs);
    cell.count += delta.count;
    cell.durationSumMs +=
      delta.sum === null ? estimatedSum(cell.tally) - estimatedSum(before!) : delta.sum * p.unitToMs;
    stats.points++;
    stats.requests += delta.count;
  };

  const cumulative: DurationPoint[] = [];
  for (const p of points) {
    if (p.temporality === "delta") addCell(p, p);
    else cumulative.push(p);
  }
  // Oldest first, so several exports of one stream in a batch chain through its state.
  cumulative.sort((a, b) => (a.timeUnixNano < b.timeUnixNano ? -1 : a.timeUnixNano > b.timeUnixNano ? 1 : 0));
  for (const p of cumulative) {
    const prev = states.get(p.streamKey) ?? previous.get(p.streamKey) ?? null;
    const { delta, state, outcome } = cumulativeToDelta(p, prev, { horizonNs: options.horizonNs });
    if (outcome === "stale") stats.stale++;
    else states.set(p.streamKey, state);
    if (outcome === "first") stats.firsts++;
    else if (outcome === "reset") stats.resets++;
    else if (outcome === "baseline") stats.baselines++;
    if (delta) addCell(p, delta);
  }
  const rows = [...cells.values()].map(({ tally, ...row }) => ({ ...row, hist: histogramOfTally(tally) }));
  return { rows, states, stats };
}
