import { mergeInto, percentiles, type Histogram } from "@/lib/vitals/histogram";

/** Rollup rows merged per (route, method, status class) over a window, as the repository returns them. */
export type RequestCell = {
  route: string;
  method: string;
  statusClass: number;
  count: number;
  durationSumMs: number;
  hist: Histogram;
};
/** Rollup rows merged per chart step. */
export type StepCell = { t: Date; count: number; errors: number; hist: Histogram };

export type RequestTotals = {
  requests: number;
  errors: number;
  perMinute: number;
  /** 5xx share; null without traffic (there is no rate of nothing). */
  errorRate: number | null;
  meanMs: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
};
export type RouteRow = RequestTotals & { route: string; methods: string[] };
export type SeriesPoint = {
  t: number;
  requests: number;
  perMinute: number;
  errorRate: number | null;
  p95: number | null;
};

const SERVER_ERROR = 5;

type Acc = { requests: number; errors: number; durationSumMs: number; hist: Histogram; methods: Set<string> };
const empty = (): Acc => ({ requests: 0, errors: 0, durationSumMs: 0, hist: {}, methods: new Set() });

function add(acc: Acc, c: RequestCell): Acc {
  acc.requests += c.count;
  if (c.statusClass === SERVER_ERROR) acc.errors += c.count;
  acc.durationSumMs += c.durationSumMs;
  mergeInto(acc.hist, c.hist);
  acc.methods.add(c.method);
  return acc;
}

function figures(acc: Pick<Acc, "requests" | "errors" | "durationSumMs" | "hist">, minutes: number): RequestTotals {
  const [p50 = null, p95 = null, p99 = null] = percentiles(acc.hist, [0.5, 0.95, 0.99]);
  const n = acc.requests;
  return {
    requests: n,
    errors: acc.errors,
    perMinute: minutes > 0 ? n / minutes : 0,
    errorRate: n > 0 ? acc.errors / n : null,
    meanMs: n > 0 ? acc.durationSumMs / n : null,
    p50,
    p95,
    p99,
  };
}

/** Window totals; `minutes` is the time the rows cover (RequestWindowPlan.elapsedMinutes). */
export function totalsOf(cells: readonly RequestCell[], minutes: number): RequestTotals {
  return figures(cells.reduce(add, empty()), minutes);
}

/** One row per route, all its methods and status classes merged, busiest first. */
export function byRoute(cells: readonly RequestCell[], minutes: number): RouteRow[] {
  const groups = new Map<string, Acc>();
  for (const c of cells) groups.set(c.route, add(groups.get(c.route) ?? empty(), c));
  return [...groups.entries()]
    .map(([route, acc]) => ({ route, methods: [...acc.methods].sort(), ...figures(acc, minutes) }))
    .sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route));
}

/**
 * One point per step from start to end, steps without rows included as zero traffic so gaps show. Rates divide by
 * the part of the step that has passed, so the running step is not understated.
 */
export function seriesOf(
  cells: readonly StepCell[],
  range: { start: Date; end: Date; now: Date; stepMinutes: number },
): SeriesPoint[] {
  const step = range.stepMinutes * 60_000;
  const byT = new Map(cells.map((c) => [c.t.getTime(), c]));
  const points: SeriesPoint[] = [];
  for (let t = range.start.getTime(); t < range.end.getTime(); t += step) {
    const c = byT.get(t);
    const minutes = Math.max(Math.min(t + step, range.now.getTime()) - t, 0) / 60_000;
    const f = figures(
      { requests: c?.count ?? 0, errors: c?.errors ?? 0, durationSumMs: 0, hist: c?.hist ?? {} },
      minutes,
    );
    points.push({ t, requests: f.requests, perMinute: f.perMinute, errorRate: f.errorRate, p95: f.p95 });
  }
  return points;
}
