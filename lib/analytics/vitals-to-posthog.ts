import type { MetricName, VitalsBeacon } from "@vigil/next";

const NAMES: readonly MetricName[] = ["LCP", "INP", "CLS", "FCP", "TTFB"];
const MAX_EVENTS = 20;

export type WebVitalsProperties = Record<string, string | number | Record<string, unknown>>;

/**
 * Our collector's beacon JSON → PostHog `$web_vitals` event properties (PostHog's own names, so its Web Vitals
 * views read them): one event per route the beacon covers. Anything malformed yields no events, never a throw.
 */
export function webVitalsEvents(json: string): WebVitalsProperties[] {
  let beacon: Partial<VitalsBeacon>;
  try {
    beacon = JSON.parse(json) as Partial<VitalsBeacon>;
  } catch {
    return [];
  }
  if (!beacon || !Array.isArray(beacon.metrics) || typeof beacon.route !== "string") return [];
  const byRoute = new Map<string, WebVitalsProperties>();
  for (const m of beacon.metrics) {
    if (!m || !NAMES.includes(m.name) || typeof m.value !== "number" || !Number.isFinite(m.value)) continue;
    const route = typeof m.route === "string" ? m.route : beacon.route;
    let props = byRoute.get(route);
    if (!props) {
      if (byRoute.size >= MAX_EVENTS) continue;
      props = { vigil_route: route };
      if (beacon.navigationType) props.vigil_navigation_type = beacon.navigationType;
      byRoute.set(route, props);
    }
    props[`$web_vitals_${m.name}_value`] = m.value;
    props[`$web_vitals_${m.name}_event`] = { name: m.name, value: m.value, id: String(m.id ?? "") };
  }
  return [...byRoute.values()];
}
