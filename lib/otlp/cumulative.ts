import { z } from "zod";
import type { ExplicitBuckets, ExponentialBuckets, HistogramPoint } from "./points";

// Cumulative → delta, pure: the caller keeps one StreamState per stream key (small JSON, e.g. a jsonb column) and
// hands the previous one in. A cumulative point minus the previous point of its stream is what happened between
// the two exports; a point that does not continue the previous one (new start time, a count going down, another
// bucket layout) is a reset, and then the whole point is the delta: the stream counted from zero again.

const nanos = z.string().regex(/^\d{1,20}$/);
const count = z.number().int().min(0);
const counts = z.array(count).max(4096);

export const StreamState = z.object({
  v: z.literal(1),
  /** startTimeUnixNano and timeUnixNano of the last point, as decimal strings. */
  start: nanos,
  time: nanos,
  count,
  sum: z.number().nullable(),
  buckets: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("explicit"), bounds: z.array(z.number()).max(512), counts }),
    z.object({
      kind: z.literal("exponential"),
      scale: z.number().int(),
      zeroCount: count,
      zeroThreshold: z.number().min(0),
      positive: z.object({ offset: z.number().int(), counts }),
      negative: z.object({ offset: z.number().int(), counts }),
    }),
  ]),
});
export type StreamState = z.output<typeof StreamState>;

export type DeltaOutcome =
  /** No previous state: the stream is new, the whole point is the delta. */
  | "first"
  /** No previous state and the stream started before the caller's horizon: kept as the baseline, nothing counted. */
  | "baseline"
  | "delta"
  | "reset"
  /** Not newer than the stored point (a retried or late export): nothing counted, the state kept. */
  | "stale";

export type DeltaResult = { delta: HistogramPoint | null; state: StreamState; outcome: DeltaOutcome };

export function stateOf(p: HistogramPoint): StreamState {
  const b = p.buckets;
  return {
    v: 1,
    start: p.startTimeUnixNano.toString(),
    time: p.timeUnixNano.toString(),
    count: p.count,
    sum: p.sum,
    buckets:
      b.kind === "explicit"
        ? { kind: "explicit", bounds: [...b.bounds], counts: [...b.counts] }
        : {
            kind: "exponential",
            scale: b.scale,
            zeroCount: b.zeroCount,
            zeroThreshold: b.zeroThreshold,
            positive: { offset: b.positive.offset, counts: [...b.positive.counts] },
            negative: { offset: b.negative.offset, counts: [...b.negative.counts] },
          },
  };
}

function subtractExplicit(cur: ExplicitBuckets, prev: ExplicitBuckets): ExplicitBuckets | null {
  if (cur.bounds.length !== prev.bounds.length || cur.bounds.some((b, i) => b !== prev.bounds[i])) return null;
  if (cur.counts.length !== prev.counts.length) return null;
  const counts = cur.counts.map((n, i) => n - prev.counts[i]!);
  return counts.some((n) => n < 0) ? null : { ...cur, counts };
}

/** prev's buckets merged down to `scale` (2^(scale diff) neighbours per bucket) and taken off cur's. */
function subtractSide(cur: { offset: number; counts: number[] }, prev: typeof cur, shift: number) {
  const counts = [...cur.counts];
  const factor = 2 ** shift;
  for (let j = 0; j < prev.counts.length; j++) {
    const n = prev.counts[j]!;
    if (n === 0) continue;
    const at = Math.floor((prev.offset + j) / factor) - cur.offset;
    if (at < 0 || at >= counts.length || counts[at]! < n) return null;
    counts[at]! -= n;
  }
  return { offset: cur.offset, counts };
}

function subtractExponential(cur: ExponentialBuckets, prev: ExponentialBuckets): ExponentialBuckets | null {
  // The SDK only ever lowers a cumulative stream's scale; a higher one or another zero threshold is a new stream.
  if (cur.scale > prev.scale || cur.zeroThreshold !== prev.zeroThreshold || cur.zeroCount < prev.zeroCount) return null;
  const positive = subtractSide(cur.positive, prev.positive, prev.scale - cur.scale);
  const negative = subtractSide(cur.negative, prev.negative, prev.scale - cur.scale);
  if (!positive || !negative) return null;
  return { ...cur, zeroCount: cur.zeroCount - prev.zeroCount, positive, negative };
}

function subtract(cur: HistogramPoint, prev: StreamState): HistogramPoint | null {
  if (prev.count === 0) return { ...cur, startTimeUnixNano: BigInt(prev.time) }; // min and max are the interval's
  if (cur.count < prev.count || cur.buckets.kind !== prev.buckets.kind) return null;
  const sum = cur.sum !== null && prev.sum !== null ? cur.sum - prev.sum : null;
  if (sum !== null && sum < 0) return null;
  const buckets =
    cur.buckets.kind === "explicit"
      ? subtractExplicit(cur.buckets, prev.buckets as ExplicitBuckets)
      : subtractExponential(cur.buckets, prev.buckets as ExponentialBuckets);
  if (!buckets) return null;
  // min and max of a cumulative point cover the stream's whole life, not the interval: they are dropped.
  return {
    startTimeUnixNano: BigInt(prev.time),
    timeUnixNano: cur.timeUnixNano,
    count: cur.count - prev.count,
    sum,
    min: null,
    max: null,
    buckets,
  };
}

/**
 * The delta of a cumulative point against the previous point of its stream (null: none stored), and the state to
 * store in its place. `horizonNs`, when given, is the time since which the caller's states are complete: a stream
 * without state that started before it was already counted (or predates the site) and only sets the baseline.
 * The delta is null when nothing happened (count 0) or the point was stale.
 */
export function cumulativeToDelta(
  point: HistogramPoint,
  previous: StreamState | null,
  options: { horizonNs?: bigint } = {},
): DeltaResult {
  const state = stateOf(point);
  const nonEmpty = (p: HistogramPoint | null) => (p && p.count > 0 ? p : null);
  if (!previous) {
    if (options.horizonNs !== undefined && point.startTimeUnixNano < options.horizonNs)
      return { delta: null, state, outcome: "baseline" };
    return { delta: nonEmpty(point), state, outcome: "first" };
  }
  const prevStart = BigInt(previous.start);
  if (
    point.startTimeUnixNano < prevStart ||
    (point.startTimeUnixNano === prevStart && point.timeUnixNano <= BigInt(previous.time))
  )
    return { delta: null, state: previous, outcome: "stale" };
  const delta = point.startTimeUnixNano === prevStart ? subtract(point, previous) : null;
  if (!delta) return { delta: nonEmpty(point), state, outcome: "reset" };
  return { delta: nonEmpty(delta), state, outcome: "delta" };
}
