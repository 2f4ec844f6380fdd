// The script-tag install, bundled into one IIFE (scripts/vitals-script.mjs) and served by Vigil at /v1/vitals.js:
//   <script async src="https://vigil.example.com/v1/vitals.js" data-site="pk_…"></script>
// Beacons go back to the origin the script came from; the route is the URL path unless data-route fixes it.
import { startVitalsCollector } from "../collector/index.js";

const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) {
  const { site, route, sampleRate } = script.dataset;
  const rate = Number(sampleRate ?? 1);
  const collector = startVitalsCollector({
    route: route || location.pathname,
    siteKey: site,
    endpoint: new URL("/api/v1/vitals", script.src).href,
    sampleRate: rate >= 0 ? rate : 1,
  });
  // Client-side routers: soft-navigation metrics (Chromium, which has the Navigation API) get their own path.
  if (!route) {
    (self as { navigation?: EventTarget }).navigation?.addEventListener("navigatesuccess", () =>
      collector.setRoute(location.pathname),
    );
  }
}
