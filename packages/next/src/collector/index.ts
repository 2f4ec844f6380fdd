import { onCLS, onFCP, onINP, onLCP, onTTFB, type MetricType } from "web-vitals";
import { attributionOf } from "./attribution.js";
import { connectionType, newPageViewId } from "./environment.js";
import { createVitalsQueue, isSampled } from "./queue.js";
import type { VitalsCollectorOptions, VitalsController, VitalsListenerHost } from "./types.js";

export type * from "./types.js";
export { routeTemplate } from "./route-template.js";

export const DEFAULT_VITALS_ENDPOINT = "/api/v1/vitals";

const noop = () => {};
const INERT: VitalsController = { setRoute: noop, flush: noop, stop: noop };

function send(endpoint: string, json: string): void {
  try {
    if (navigator.sendBeacon?.(endpoint, new Blob([json], { type: "text/plain" }))) return;
  } catch {
    // Fall through to fetch (sendBeacon throws on some CSP / size violations).
  }
  try {
    fetch(endpoint, { method: "POST", body: json, keepalive: true, headers: { "content-type": "text/plain" } }).catch(
      noop,
    );
  } catch {
    // Nothing left to try; losing a beacon is better than breaking the page.
  }
}

/** Starts collecting Core Web Vitals for this page load; sends beacons when the page is hidden or unloaded. */
export function startVitalsCollector(options: VitalsCollectorOptions): VitalsController {
  try {
    if (typeof window === "undefined" || !isSampled(options.sampleRate ?? 1)) return INERT;
    const endpoint = options.endpoint ?? DEFAULT_VITALS_ENDPOINT;
    const queue = createVitalsQueue({
      pageViewId: newPageViewId(),
      site: options.siteKey,
      route: options.route,
      sampled: true,
      beforeSend: options.beforeSend,
      // After our own beacon is on its way, an optional listener (lib/analytics) gets a copy; a global, not an
      // event or import, because it costs the first-load budget 10 B and couples the collector to nothing.
      transport: (json) => {
        send(endpoint, json);
        (self as VitalsListenerHost).vigilOnVitals?.(json);
      },
      // No device hint: the server reads the device from the User-Agent and client hints.
      context: () => ({ connection: connectionType(navigator) }),
    });
    let stopped = false;
    // web-vitals has no unsubscribe, so stop() just makes later reports no-ops.
    const report = (m: MetricType) => {
      if (stopped) return;
      try {
        queue.add({ ...m, attribution: attributionOf(m) });
      } catch {
        // Never throw into web-vitals' observers.
      }
    };
    const opts = { reportSoftNavs: options.reportSoftNavs ?? true };
    onLCP(report, opts);
    onINP(report, opts);
    onCLS(report, opts);
    onFCP(report, opts);
    onTTFB(report, opts);

    const flush = () => queue.flush();
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    // On document, not window-capture: web-vitals reports final CLS/INP/LCP from window-capture listeners,
    // which therefore run first and fill the queue before we flush it.
    document.addEventListener("visibilitychange", onVisibility);
    addEventListener("pagehide", flush);
    queue.setRoute(options.route, location.pathname);

    return {
      setRoute: (template) => queue.setRoute(template, location.pathname),
      flush,
      stop() {
        if (stopped) return;
        flush();
        stopped = true;
        document.removeEventListener("visibilitychange", onVisibility);
        removeEventListener("pagehide", flush);
      },
    };
  } catch {
    return INERT;
  }
}
