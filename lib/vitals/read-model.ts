import { mergeInto, percentiles, type Histogram } from "@/lib/vitals/histogram";
import { METRIC_NAMES, rate, type MetricName, type Rating } from "@/lib/vitals/metrics";
import type { RollupRead } from "@/lib/vitals/rollup-repository";

export type Summary = {
  count: number;
  good: number;
  needsImprovement: number;
  poor: number;
  value: number | null;
  rating: Rating | null;
};
/** An element or interaction target behind poor samples: how many, and the worst value. */
export type AttributionRow = { target: string; samples: number; worst: number };

type Acc = { count: number; good: number; needsImprovement: number; poor: number; hist: Histogram };

const empty = (): Acc => ({ count: 0, good: 0, needsImprovement: 0, poor: 0, hist: {} });
function add(acc: Acc, r: RollupRead): Acc {
  acc.count += r.count;
  acc.good += r.good;
  acc.needsImprovement += r.needsImprovement;
  acc.poor += r.poor;
  mergeInto(acc.hist, r.hist);
  return acc;
}

function summarise(metric: MetricName, acc: Acc, p: number): Summary {
  const [value] = percentiles(acc.hist, [p]);
  const v = value ?? null;
  return {
    count: acc.count,
    good: acc.good,
    needsImprovement: acc.needsImprovement,
    poor: acc.poor,
    value: v,
    rating: v === null ? null : rate(metric, v),
  };
}

function groupBy<K>(rows: readonly RollupRead[], key: (r: RollupRead) => K): Map<K, Acc> {
  const groups = new Map<K, Acc>();
  for (const r of rows) {
    const k = key(r);
    groups.set(k, add(groups.get(k) ?? empty(), r));
  }
  return groups;
}

/** Percentile and rating split per metric, from rollups covering the window. */
export function summaryByMetric(rows: readonly RollupRead[], p: number): Record<MetricName, Summary> {
  const groups = groupBy(rows, (r) => r.metric);
  return Object.fromEntries(METRIC_NAMES.map((m) => [m, summarise(m, groups.get(m) ?? empty(), p)])) as Record<
    MetricName,
    Summary
  >;
}

export type RouteRow = Summary & { route: string; notGoodShare: number; opportunity: number };

/**
 * Per-route figures for one metric. Opportunity = the route's not-good samples as a share of all samples:
 * the part of the site's experience that fixing this route would improve. `total` is the sample count of every
 * route together when `rows` hold only some of them (the top routes); by default, the sum of `rows`.
 */
export function byRoute(rows: readonly RollupRead[], metric: MetricName, p: number, total?: number): RouteRow[] {
  const groups = groupBy(
    rows.filter((r) => r.metric === metric),
    (r) => r.route,
  );
  total ??= [...groups.values()].reduce((n, g) => n + g.count, 0);
  return [...groups.entries()]
    .map(([route, acc]) => {
      const s = summarise(metric, acc, p);
      const notGood = s.needsImprovement + s.poor;
      return { ...s, route, notGoodShare: s.count ? notGood / s.count : 0, opportunity: total ? notGood / total : 0 };
    })
    .sort((a, b) => b.opportunity - a.opportunity || b.count - a.count);
}

export type SeriesPoint = { t: number; value: number | null; count: number };

/** One point per bucket start: the percentile of that hour or day. */
export function series(rows: readonly RollupRead[], metric: MetricName, p: number): SeriesPoint[] {
  const groups = groupBy(
    rows.filter((r) => r.metric === metric),
    (r) => r.bucketStart.getTime(),
  );
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, acc]) => ({ t, value: percentiles(acc.hist, [p])[0] ?? null, count: acc.count }));
}
