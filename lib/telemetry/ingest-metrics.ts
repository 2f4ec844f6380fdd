import "server-only";
import { siteSlugOf } from "@/lib/sites/site-directory";
import { telemetry } from "@/lib/telemetry/registry";
import { METRICS, type MetricName } from "@/lib/vitals/metrics";
import { processSingleton } from "@/lib/process-singleton";

// Beacon routes come from browsers: past this many distinct labels per site, new ones share "(other)" so a hostile
// client cannot blow up the series count of /metrics (the Postgres rollups keep every route).
const MAX_ROUTE_LABELS = 200;
const OTHER = "(other)";
const routes = processSingleton("vitalRouteLabels", () => new Map<number, Set<string>>());

function routeLabel(siteId: number, route: string): string {
  let known = routes.get(siteId);
  if (!known) {
    known = new Set();
    routes.set(siteId, known);
  }
  if (known.has(route)) return route;
  if (known.size >= MAX_ROUTE_LABELS) return OTHER;
  known.add(route);
  return route;
}

export type ObservedVital = { siteId: number; metric: MetricName; value: number; route: string; device: string };

/** `newSamples`: the values that were not replays; histograms cannot take a replaced value back, so they see each sample once. */
export function observeAcceptedBeacon(
  values: readonly ObservedVital[],
  newSamples: readonly ObservedVital[] = values,
): void {
  const t = telemetry();
  t.ingestAccepted.inc();
  t.ingestValues.inc(values.length);
  for (const v of newSamples)
    t.vitals[v.metric]
      .labels(siteSlugOf(v.siteId), routeLabel(v.siteId, v.route), v.device)
      .observe(METRICS[v.metric].unit === "ms" ? v.value / 1000 : v.value);
}

/** reason: the AppError code of the refusal (validation, payload_too_large, rate_limited, …) or "bot". */
export function observeRejectedBeacon(reason: string): void {
  telemetry().ingestRejected.inc({ reason });
}

export function observeClientErrors(count: number): void {
  telemetry().clientErrors.inc(count);
}
