import { requestLabelsOf } from "./attributes";
import type { DurationPoint, ExplicitBuckets, ExponentialBuckets } from "./points";
import { type ValidationIssue, validationFailed } from "./refusals";
import {
  ExponentialHistogram,
  type ExponentialHistogramDataPoint,
  Histogram,
  type HistogramDataPoint,
  type Metric,
  type MetricsRequest,
} from "./schema";
import { IDENTITY_ATTRIBUTES, type StreamIdentity, streamKeyOf } from "./stream-key";
import { dataPointCount, field } from "./walk";

/** The request-duration metrics the receiver reads, with the unit each implies when it declares none. */
export const DURATION_METRICS: Readonly<Record<string, string>> = {
  "http.server.request.duration": "s", // stable HTTP semantic conventions
  "http.server.duration": "ms", // before semconv 1.20
};
const UNIT_TO_MS: Readonly<Record<string, number>> = { s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 1e-6 };
const NO_RECORDED_VALUE = 1; // DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK

export type ExtractStats = {
  /** Metrics in the request, and those not read (other names, data kinds or units). */
  metrics: number;
  ignoredMetrics: number;
  /** Data points of the read metrics, and of the others. */
  points: number;
  ignoredPoints: number;
  /** Read points that carry nothing: a delta point with count 0, or one flagged "no recorded value". */
  emptyPoints: number;
};
export type Extraction = { points: DurationPoint[]; stats: ExtractStats };

type Scope = { resource: StreamIdentity["resource"]; scopeName: string };
type Path = (string | number)[];
type Sink = { points: DurationPoint[]; issues: ValidationIssue[]; stats: ExtractStats };

function resourceIdentity(attributes: MetricsRequest["resourceMetrics"][number]["resource"]["attributes"]) {
  const identity = { "service.name": "", "service.instance.id": "", "host.name": "" };
  for (const { key, value } of attributes) {
    const text = field(value, "stringValue");
    if ((IDENTITY_ATTRIBUTES as readonly string[]).includes(key) && typeof text === "string")
      identity[key as keyof typeof identity] ||= text;
  }
  return identity;
}

const sumOf = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

function explicitBuckets(p: HistogramDataPoint): ExplicitBuckets | string {
  const { explicitBounds: bounds, bucketCounts: counts } = p;
  for (let i = 1; i < bounds.length; i++)
    if (!(bounds[i]! > bounds[i - 1]!)) return "explicitBounds must be strictly increasing";
  if (counts.length > 0 && counts.length !== bounds.length + 1)
    return "bucketCounts must have one entry more than explicitBounds";
  if (counts.length > 0 && sumOf(counts) !== p.count) return "bucketCounts must add up to count";
  return { kind: "explicit", bounds, counts };
}

function exponentialBuckets(p: ExponentialHistogramDataPoint): ExponentialBuckets | string {
  const { positive, negative } = p;
  if (p.zeroCount + sumOf(positive.bucketCounts) + sumOf(negative.bucketCounts) !== p.count)
    return "zeroCount and the bucket counts must add up to count";
  return {
    kind: "exponential",
    scale: p.scale,
    zeroCount: p.zeroCount,
    zeroThreshold: p.zeroThreshold,
    positive: { offset: positive.offset, counts: positive.bucketCounts },
    negative: { offset: negative.offset, counts: negative.bucketCounts },
  };
}

function numbersProblem(p: HistogramDataPoint | ExponentialHistogramDataPoint): string | null {
  if (p.timeUnixNano === 0n) return "timeUnixNano is required";
  if (p.sum != null && p.sum < 0) return "a sum of durations must not be negative";
  if (p.min != null && p.max != null && p.min > p.max) return "min must not exceed max";
  return null;
}

/**
 * Picks the request-duration points out of a decoded request, with their labels (route, method, status class),
 * buckets and stream keys. Other metrics are counted and skipped; a malformed point of a read metric refuses the
 * whole request (400 with the paths of the first 20 problems).
 */
export function extractRequestDurations(request: MetricsRequest): Extraction {
  const sink: Sink = {
    points: [],
    issues: [],
    stats: { metrics: 0, ignoredMetrics: 0, points: 0, ignoredPoints: 0, emptyPoints: 0 },
  };
  request.resourceMetrics.forEach((rm, r) => {
    const resource = resourceIdentity(rm.resource.attributes);
    rm.scopeMetrics.forEach((sm, s) => {
      const scope = { resource, scopeName: sm.scope.name };
      sm.metrics.forEach((metric, m) => {
        sink.stats.metrics++;
        if (!readMetric(metric, scope, ["resourceMetrics", r, "scopeMetrics", s, "metrics", m], sink)) {
          sink.stats.ignoredMetrics++;
          sink.stats.ignoredPoints += dataPointCount(metric);
        }
      });
    });
  });
  if (sink.issues.length > 0) throw validationFailed(sink.issues);
  return { points: sink.points, stats: sink.stats };
}

/** False when the metric is not one the receiver reads. */
function readMetric(metric: Metric, scope: Scope, path: Path, sink: Sink): boolean {
  const defaultUnit = DURATION_METRICS[metric.name];
  const unitToMs = defaultUnit === undefined ? undefined : UNIT_TO_MS[metric.unit || defaultUnit];
  if (unitToMs === undefined) return false;
  const explicit = metric.histogram != null;
  if (!explicit && metric.exponentialHistogram == null) return false;
  const dataPath = [...path, explicit ? "histogram" : "exponentialHistogram"];
  const parsed = explicit
    ? Histogram.safeParse(metric.histogram)
    : ExponentialHistogram.safeParse(metric.exponentialHistogram);
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      sink.issues.push({ path: [...dataPath, ...i.path.map(String)].join("."), message: i.message });
    return true;
  }
  const t = parsed.data.aggregationTemporality;
  const temporality = t === 1 ? "delta" : t === 2 ? "cumulative" : null;
  if (temporality === null) {
    sink.issues.push({ path: [...dataPath, "aggregationTemporality"].join("."), message: "must be 1 or 2" });
    return true;
  }
  const points: (HistogramDataPoint | ExponentialHistogramDataPoint)[] = parsed.data.dataPoints;
  points.forEach((p, i) => {
    sink.stats.points++;
    const buckets = "scale" in p ? exponentialBuckets(p) : explicitBuckets(p);
    const labels = requestLabelsOf(p.attributes);
    const problem =
      numbersProblem(p) ?? (typeof buckets === "string" ? buckets : "refusal" in labels ? labels.refusal : null);
    if (problem !== null || typeof buckets === "string" || "refusal" in labels) {
      sink.issues.push({ path: [...dataPath, "dataPoints", i].join("."), message: problem ?? "" });
      return;
    }
    if ((p.flags & NO_RECORDED_VALUE) !== 0 || (temporality === "delta" && p.count === 0)) {
      sink.stats.emptyPoints++;
      return;
    }
    const { startTimeUnixNano, timeUnixNano } = p;
    const streamKey =
      temporality === "cumulative"
        ? streamKeyOf({
            ...scope,
            metricName: metric.name,
            unit: metric.unit,
            kind: buckets.kind,
            attributes: p.attributes,
            startTimeUnixNano,
          })
        : "";
    sink.points.push({
      route: labels.route,
      method: labels.method,
      statusClass: labels.statusClass,
      startTimeUnixNano,
      timeUnixNano,
      count: p.count,
      sum: p.sum,
      min: p.min,
      max: p.max,
      buckets,
      unitToMs,
      temporality,
      streamKey,
    });
  });
  return true;
}
