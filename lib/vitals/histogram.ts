// Sparse log-bucket histogram: mergeable by adding counts, so hourly and daily rollups combine exactly.
export const GAMMA = 1.02;
export const ZERO_BUCKET = "z";
/** Values below this share the zero bucket (represented as 0): far under any meaningful vital. */
export const MIN_VALUE = 1e-4;
const LN_GAMMA = Math.log(GAMMA);

export type Histogram = Record<string, number>;

export function bucketOf(value: number): string {
  return value < MIN_VALUE ? ZERO_BUCKET : String(Math.floor(Math.log(value) / LN_GAMMA));
}

/** Geometric midpoint of the bucket: within √γ − 1 ≈ 0.995 % of every value in it. */
export function representative(bucket: string): number {
  return bucket === ZERO_BUCKET ? 0 : GAMMA ** (Number(bucket) + 0.5);
}

export function histogramOf(values: Iterable<number>): Histogram {
  const h: Histogram = {};
  for (const v of values) {
    const b = bucketOf(v);
    h[b] = (h[b] ?? 0) + 1;
  }
  return h;
}

/** Adds b into a (mutating a) and returns a. */
export function mergeInto(a: Histogram, b: Readonly<Histogram>): Histogram {
  for (const key in b) a[key] = (a[key] ?? 0) + b[key]!;
  return a;
}

export const totalCount = (h: Readonly<Histogram>) => Object.values(h).reduce((n, c) => n + c, 0);

type Sorted = { values: number[]; cumulative: number[]; total: number };

function sortBuckets(h: Readonly<Histogram>): Sorted {
  const entries = Object.entries(h)
    .filter(([, c]) => c > 0)
    .map(([b, c]) => [representative(b), c] as const)
    .sort((x, y) => x[0] - y[0]);
  const values: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [v, c] of entries) {
    total += c;
    values.push(v);
    cumulative.push(total);
  }
  return { values, cumulative, total };
}

/** Value of the k-th smallest sample (0-based), approximated by its bucket's representative. */
function orderStatistic(s: Sorted, k: number): number {
  let lo = 0;
  let hi = s.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.cumulative[mid]! > k) hi = mid;
    else lo = mid + 1;
  }
  return s.values[lo]!;
}

/**
 * Percentiles (p in [0, 1]) with percentile_cont's definition: linear interpolation between the order
 * statistics around rank p·(N−1). Returns null for an empty histogram.
 */
export function percentiles(h: Readonly<Histogram>, ps: readonly number[]): Array<number | null> {
  const s = sortBuckets(h);
  if (s.total === 0) return ps.map(() => null);
  return ps.map((p) => {
    const rank = Math.min(Math.max(p, 0), 1) * (s.total - 1);
    const lo = Math.floor(rank);
    const a = orderStatistic(s, lo);
    const b = lo + 1 <= s.total - 1 ? orderStatistic(s, lo + 1) : a;
    return a + (b - a) * (rank - lo);
  });
}

export const percentile = (h: Readonly<Histogram>, p: number) => percentiles(h, [p])[0]!;
