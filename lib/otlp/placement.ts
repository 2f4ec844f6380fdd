import { GAMMA, type Histogram, MIN_VALUE, representative, ZERO_BUCKET } from "@/lib/vitals/histogram";
import type { HistogramPoint } from "./points";

// Turns an OTLP histogram point into the rollups' log-bucket histogram (lib/vitals/histogram: bucket k holds
// [γ^k, γ^(k+1)) ms, γ = 1.02). Everything happens on natural logs of milliseconds, so no bound overflows.
//
// A sender's bucket only says that its values lie between two bounds. Its count is spread evenly over the log
// buckets wholly inside them (geometric interpolation; one value lands on the geometric midpoint), tightened by
// the point's min and max when it has them (one count sits on each). Two properties follow:
// - at every bound of the sender the rollup's count at or under it is exact (an SLO threshold on a bound is exact);
// - a percentile inside a bucket is interpolated instead of jumping to a bound: off by at most the bucket's width.
// An open-ended bucket (the first without min, the overflow without max) has no range: its count sits next to its
// one bound, inside the bucket. Counts are conserved exactly: the histogram adds up to the point's count.
// This runs for every bucket of up to 10,000 points a request: plain numbers and loops, no allocation per bucket.

const LN_GAMMA = Math.log(GAMMA);
const LN_MIN = Math.log(MIN_VALUE);
const MIN_INDEX = Math.floor(LN_MIN / LN_GAMMA);
const ZERO_INDEX = MIN_INDEX - 1;
/** Durations past ~11.6 days share the top bucket (conserving the count beats refusing a sender's clock jump). */
const MAX_INDEX = Math.floor(Math.log(1e9) / LN_GAMMA);
/** Most log buckets one sender bucket spreads over; wider ones use evenly spaced log buckets. */
const SPREAD_SLOTS = 256;
const OPEN_LOW = Number.NEGATIVE_INFINITY;
const OPEN_HIGH = Number.POSITIVE_INFINITY;

/** Counts by log-bucket index while a cell is built (a Map of numbers is far cheaper than string keys). */
export type Tally = Map<number, number>;

function indexOf(ln: number): number {
  return Math.floor(ln / LN_GAMMA);
}
function lnOf(value: number, lnUnit: number): number {
  return value > 0 ? Math.log(value) + lnUnit : OPEN_LOW;
}

function add(t: Tally, index: number, n: number): void {
  const i = index < MIN_INDEX ? ZERO_INDEX : Math.min(index, MAX_INDEX);
  t.set(i, (t.get(i) ?? 0) + n);
}

export function histogramOfTally(t: Tally): Histogram {
  const h: Histogram = {};
  for (const [i, n] of t) h[i === ZERO_INDEX ? ZERO_BUCKET : String(i)] = n;
  return h;
}

/** `count` values evenly over the log buckets from..to (at most SPREAD_SLOTS of them, evenly spaced). */
function spread(t: Tally, from: number, to: number, count: number): void {
  const width = to - from + 1;
  const slots = Math.min(width, SPREAD_SLOTS);
  const step = width / slots;
  const each = Math.floor(count / slots);
  const rest = count - each * slots; // < slots, so the products below stay exact
  if (each === 0) {
    for (let j = 0; j < count; j++)
      add(t, from + Math.floor((Math.floor(((j + 0.5) * slots) / count) + 0.5) * step), 1);
    return;
  }
  for (let s = 0; s < slots; s++)
    add(
      t,
      from + Math.floor((s + 0.5) * step),
      each + Math.floor(((s + 1) * rest) / slots) - Math.floor((s * rest) / slots),
    );
}

/**
 * Adds `total` values lying between two ends (ln ms; OPEN_LOW/OPEN_HIGH when unbounded). A sender's bound is
 * exclusive of its log bucket; an observed end (the point's min or max) is a value that was seen: one count sits
 * on it. `fallbackLn` (the mean) places the values when both ends are open.
 */
function addRange(
  t: Tally,
  lo: number,
  loObserved: boolean,
  hi: number,
  hiObserved: boolean,
  total: number,
  fallbackLn: number,
): void {
  let count = total;
  if (loObserved && count > 0) {
    add(t, indexOf(lo), 1);
    count--;
  }
  if (hiObserved && count > 0) {
    add(t, indexOf(hi), 1);
    count--;
  }
  if (count <= 0) return;
  const lowOpen = !(lo >= LN_MIN);
  const highOpen = hi === OPEN_HIGH;
  const from = lowOpen ? 0 : loObserved ? indexOf(lo) : indexOf(lo) + 1;
  const to = highOpen ? 0 : hiObserved ? indexOf(hi) : indexOf(hi) - 1;
  if (hi < LN_MIN)
    add(t, ZERO_INDEX, count); // everything under MIN_VALUE
  else if (lowOpen && highOpen) add(t, Number.isFinite(fallbackLn) ? indexOf(fallbackLn) : ZERO_INDEX, count);
  else if (lowOpen) add(t, to, count);
  else if (highOpen) add(t, from, count);
  else if (from > to)
    add(t, indexOf((lo + hi) / 2), count); // narrower than a log bucket: its midpoint
  else spread(t, from, to, count);
}

/**
 * One sender bucket (lo, hi] with `count` values, tightened to the point's min and max (ln ms, NaN if unknown)
 * where they fall inside it; a min or max that contradicts the buckets is ignored.
 */
function addBucket(t: Tally, lo: number, hi: number, count: number, min: number, max: number, fallbackLn: number) {
  if (count === 0) return;
  const clipLow = (min > lo || lo === OPEN_LOW) && min <= hi; // min ≤ 0 is ln −∞: a zero was seen
  const l = clipLow ? min : lo;
  const clipHigh = max < hi && max >= l;
  addRange(t, l, clipLow, clipHigh ? max : hi, clipHigh, count, fallbackLn);
}

/** Adds the point's values, in milliseconds, to a tally; they add up to `point.count`. */
export function tallyPoint(t: Tally, point: HistogramPoint, unitToMs: number): void {
  const lnUnit = Math.log(unitToMs);
  const min = point.min === null ? Number.NaN : lnOf(point.min, lnUnit);
  const max = point.max === null ? Number.NaN : lnOf(point.max, lnUnit);
  const b = point.buckets;
  if (b.kind === "explicit") {
    const mean = point.sum !== null && point.count > 0 ? lnOf(point.sum / point.count, lnUnit) : Number.NaN;
    let lo = OPEN_LOW;
    if (b.counts.length === 0) addBucket(t, lo, OPEN_HIGH, point.count, min, max, mean);
    for (let i = 0; i < b.counts.length; i++) {
      const hi = i < b.bounds.length ? lnOf(b.bounds[i]!, lnUnit) : OPEN_HIGH;
      addBucket(t, lo, hi, b.counts[i]!, min, max, mean);
      lo = hi;
    }
    return;
  }
  // Durations are not negative: a negative bucket (a clock step) and the zero bucket count as zero.
  let zero = b.zeroCount;
  for (const n of b.negative.counts) zero += n;
  if (b.zeroThreshold > 0) addRange(t, OPEN_LOW, false, lnOf(b.zeroThreshold, lnUnit), false, zero, Number.NaN);
  else add(t, ZERO_INDEX, zero);
  const lnBase = Math.LN2 * 2 ** -b.scale;
  const { offset, counts } = b.positive;
  for (let j = 0; j < counts.length; j++)
    addBucket(t, (offset + j) * lnBase + lnUnit, (offset + j + 1) * lnBase + lnUnit, counts[j]!, min, max, Number.NaN);
}

/** The point's log-bucket histogram in milliseconds; its counts add up to `point.count`. */
export function histogramOfPoint(point: HistogramPoint, unitToMs: number): Histogram {
  const t: Tally = new Map();
  tallyPoint(t, point, unitToMs);
  return histogramOfTally(t);
}

/** Sum of the values a tally stands for, for points that carry no sum. */
export function estimatedSum(t: Tally): number {
  let total = 0;
  for (const [i, n] of t) if (i !== ZERO_INDEX) total += n * representative(String(i));
  return total;
}
