import type { SloSpec } from "@/lib/slo/spec";
import { HTTP_DURATION_BUCKETS, METRIC, vitalBuckets, vitalMetricName } from "@/lib/telemetry/metric-names";
import { requestSelection } from "@/lib/slo/selection";
import { METRICS } from "@/lib/vitals/metrics";
import { eq, noneOf, oneOf, escapeRegex, selector, type Matcher } from "./promql";

/**
 * Where an SLO's events live in /metrics: `total` selects the valid events, and either `good` or `bad` a part of
 * them, each a selector over counters (histogram buckets are counters too).
 */
export type SliSource = {
  total: string;
  good?: string;
  bad?: string;
  /** Series that these selectors match, for the generated promtool tests (fixtures.ts). */
  fixture: SliFixture;
};

export type SliFixture =
  | { shape: "split"; metric: string; goodLabels: Record<string, string>; badLabels: Record<string, string> }
  | { shape: "histogram"; base: string; labels: Record<string, string>; le: string };

type RequestSelection = Extract<SloSpec, { kind: "availability" | "latency" }>;

/**
 * The app's own request selection (lib/slo/selection) as PromQL matchers: `routes` are exact templates and
 * `routePrefix` a literal prefix (with both, a route matching either counts); Next's asset routes never count
 * unless listed by name.
 */
export function requestMatchers(spec: RequestSelection): Matcher[] {
  const selection = requestSelection(spec);
  const matchers: Matcher[] = [];
  if (selection.prefix !== null) {
    const alternatives = [...selection.routes.map(escapeRegex), `${escapeRegex(selection.prefix)}.*`];
    matchers.push({ label: "route", op: "=~", value: alternatives.join("|") });
  } else if (selection.routes.length > 0) matchers.push(oneOf("route", selection.routes));
  // Exact routes already leave the assets out; a prefix (or "every route") must exclude those it would take in.
  const unlisted = selection.routes.length === 0 && selection.prefix === null;
  const excluded = selection.exclude.filter(
    (r) => unlisted || (selection.prefix !== null && r.startsWith(selection.prefix)),
  );
  if (excluded.length > 0) matchers.push(noneOf("route", excluded));
  if (selection.methods.length > 0) matchers.push(oneOf("method", selection.methods));
  return matchers;
}

/** A route and method that `requestMatchers` selects, for fixtures. */
function sampleRequest(spec: RequestSelection) {
  const route =
    spec.routes[0] ?? (spec.routePrefix !== undefined ? `${spec.routePrefix.replace(/\/?$/, "/")}fixture` : "/");
  return { route, method: spec.methods[0] ?? "GET" };
}

/** The `le` label of a bucket edge as prom-client writes it, or a clear error when the threshold is not an edge. */
export function bucketLabel(seconds: number, edges: readonly number[], what: string): string {
  const edge = edges.find((e) => Math.abs(e - seconds) < 1e-12);
  if (edge === undefined) {
    throw new Error(
      `${what}: ${seconds} s is not a bucket edge (edges: ${edges.join(", ")}); Prometheus can only count "good" at an edge`,
    );
  }
  return String(edge);
}

export function sliSource(spec: SloSpec): SliSource {
  switch (spec.kind) {
    case "availability": {
      const m = requestMatchers(spec);
      const { route, method } = sampleRequest(spec);
      return {
        total: selector(METRIC.httpRequests, m),
        bad: selector(METRIC.httpRequests, [...m, { label: "status", op: "=~", value: "5.." }]),
        fixture: {
          shape: "split",
          metric: METRIC.httpRequests,
          goodLabels: { route, method, status: "200" },
          badLabels: { route, method, status: "500" },
        },
      };
    }
    case "latency": {
      const m = requestMatchers(spec);
      const le = bucketLabel(
        spec.thresholdMs / 1000,
        HTTP_DURATION_BUCKETS,
        `SLO "${spec.id}" thresholdMs ${spec.thresholdMs}`,
      );
      const { route, method } = sampleRequest(spec);
      return {
        total: selector(`${METRIC.httpDuration}_count`, m),
        good: selector(`${METRIC.httpDuration}_bucket`, [...m, eq("le", le)]),
        fixture: {
          shape: "histogram",
          base: METRIC.httpDuration,
          labels: { route, method, status: "200" },
          le,
        },
      };
    }
    case "vitals": {
      const metric = METRICS[spec.metric];
      // The registry's own arithmetic for its edges, so a threshold that is an edge is found as one.
      const good = metric.thresholds[0] * (metric.unit === "ms" ? 1 / 1000 : 1);
      const le = bucketLabel(good, vitalBuckets(spec.metric), `SLO "${spec.id}" ${spec.metric} good threshold`);
      const m: Matcher[] = [];
      if (spec.route !== "*") m.push(eq("route", spec.route));
      if (spec.device !== "all") m.push(eq("device", spec.device));
      const base = vitalMetricName(spec.metric);
      const labels = {
        route: spec.route === "*" ? "/" : spec.route,
        device: spec.device === "all" ? "mobile" : spec.device,
      };
      return {
        total: selector(`${base}_count`, m),
        good: selector(`${base}_bucket`, [...m, eq("le", le)]),
        fixture: { shape: "histogram", base, labels, le },
      };
    }
    case "uptime": {
      const m = [eq("monitor", spec.monitor)];
      return {
        total: selector(METRIC.probeResults, m),
        good: selector(METRIC.probeResults, [...m, eq("outcome", "up")]),
        fixture: {
          shape: "split",
          metric: METRIC.probeResults,
          goodLabels: { monitor: spec.monitor, outcome: "up" },
          badLabels: { monitor: spec.monitor, outcome: "down" },
        },
      };
    }
    case "custom": {
      const m = [eq("slo", spec.id)];
      return {
        total: selector(METRIC.sloEvents, m),
        good: selector(METRIC.sloEvents, [...m, eq("outcome", "good")]),
        fixture: {
          shape: "split",
          metric: METRIC.sloEvents,
          goodLabels: { slo: spec.id, outcome: "good" },
          badLabels: { slo: spec.id, outcome: "bad" },
        },
      };
    }
  }
}

/** The label every series of an SLO is split by: the specs apply to every site, the events of one never count for another. */
export const SITE = "site";

const sumRate = (sel: string, w: string) => `sum by (${SITE}) (rate(${sel}[${w}]))`;
// prom-client creates a label set on its first use: a site that has events but no bad (or good) series yet reads 0,
// not a gap. `or vector(0)` would add a series without `site`, which matches no site's total.
const orZero = (q: string, s: SliSource, w: string) => `(${q} or 0 * ${sumRate(s.total, w)})`;

/** Events per second over `w`, per site. */
export const totalRate = (s: SliSource, w: string) => sumRate(s.total, w);

/** Bad events per second over `w`, per site. */
export const badRate = (s: SliSource, w: string) =>
  s.bad !== undefined
    ? orZero(sumRate(s.bad, w), s, w)
    : `${sumRate(s.total, w)} - ${orZero(sumRate(s.good!, w), s, w)}`;

/** Share of bad events over `w`, per site; no result for a site without events (0 / 0 is NaN, which compares false). */
export const errorRatio = (s: SliSource, w: string) =>
  s.bad !== undefined
    ? `${orZero(sumRate(s.bad, w), s, w)} / ${sumRate(s.total, w)}`
    : `1 - ${orZero(sumRate(s.good!, w), s, w)} / ${sumRate(s.total, w)}`;

/** Events counted over `w`, per site (the minimum-traffic guard). */
export const totalIncrease = (s: SliSource, w: string) => `sum by (${SITE}) (increase(${s.total}[${w}]))`;
