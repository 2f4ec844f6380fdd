import { GAMMA, ZERO_BUCKET, type Histogram } from "@/lib/vitals/histogram";

/**
 * Events at or under `threshold` in a log-bucket histogram (lib/vitals/histogram: bucket i holds [γ^i, γ^(i+1)),
 * γ = 1.02). Buckets wholly under the threshold count fully; the one holding it is split linearly, so the result
 * is off by at most that one bucket's count, whose values all lie within 2 % of the threshold.
 */
export function countAtOrBelow(h: Readonly<Histogram>, threshold: number): number {
  let n = 0;
  for (const key in h) {
    const count = h[key]!;
    if (key === ZERO_BUCKET) {
      n += count;
      continue;
    }
    const i = Number(key);
    const lo = GAMMA ** i;
    const hi = GAMMA ** (i + 1);
    if (hi <= threshold) n += count;
    else if (lo < threshold) n += (count * (threshold - lo)) / (hi - lo);
  }
  return n;
}

/** The count of the bucket holding `threshold`: the most countAtOrBelow can be off by. */
export function straddlingCount(h: Readonly<Histogram>, threshold: number): number {
  const key = String(Math.floor(Math.log(threshold) / Math.log(GAMMA)));
  return h[key] ?? 0;
}
