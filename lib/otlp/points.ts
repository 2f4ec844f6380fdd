// Histogram data points after validation, in the metric's own unit (seconds or milliseconds).

export type ExplicitBuckets = {
  kind: "explicit";
  /** Strictly increasing upper bounds; bucket i holds (bounds[i-1], bounds[i]], the last one (bounds[n-1], +∞). */
  bounds: number[];
  /** bounds.length + 1 entries, or none when the point carries no buckets (then one bucket holds everything). */
  counts: number[];
};

export type ExponentialBuckets = {
  kind: "exponential";
  /** Bucket index i holds (base^i, base^(i+1)], base = 2^(2^-scale). */
  scale: number;
  zeroCount: number;
  zeroThreshold: number;
  positive: { offset: number; counts: number[] };
  negative: { offset: number; counts: number[] };
};

export type HistogramPoint = {
  startTimeUnixNano: bigint;
  timeUnixNano: bigint;
  count: number;
  sum: number | null;
  min: number | null;
  max: number | null;
  buckets: ExplicitBuckets | ExponentialBuckets;
};

/** A point of a request-duration metric with the labels of a request-rollup cell. */
export type DurationPoint = HistogramPoint & {
  route: string;
  method: string;
  statusClass: number;
  /** Factor from the metric's unit to milliseconds. */
  unitToMs: number;
  temporality: "delta" | "cumulative";
  /** Identity of the point's stream (lib/otlp/stream-key); cumulative points are turned into deltas by it. */
  streamKey: string;
};
