import posthog from "posthog-js";
import { ANALYTICS_OFF_ATTRIBUTE, posthogOptions } from "./posthog-options";
import { webVitalsEvents } from "./vitals-to-posthog";

// Browser side of PostHog. Every export is a no-op unless initAnalytics() started the SDK, and none throws:
// analytics must never break a page.

/** Called once by lib/analytics/analytics.ts after the page is interactive (components use that module). */
export function initAnalytics(key: string): void {
  if (!key || typeof window === "undefined" || posthog.__loaded) return;
  if (document.documentElement.getAttribute(ANALYTICS_OFF_ATTRIBUTE) === "off") return;
  try {
    posthog.init(key, posthogOptions());
  } catch {
    // A broken analytics set-up leaves the app as it is.
  }
}

/** Beacons arrive when the page is being hidden, so they go out at once as a beacon, not through the queue. */
export function sendWebVitals(json: string): void {
  if (!posthog.__loaded) return;
  try {
    for (const properties of webVitalsEvents(json))
      posthog.capture("$web_vitals", properties, { send_instantly: true, transport: "sendBeacon" });
  } catch {
    // Never throw back into the collector.
  }
}

/** Distinct id = the user's id (never the email); the role is the only person property. */
export function identifyUser(userId: string, role: string): void {
  if (!posthog.__loaded) return;
  try {
    if (posthog.get_distinct_id() === userId) return;
    // Another signed-in user on this browser (no sign-out in between): start a new anonymous id, do not merge.
    if (posthog.get_property("$user_state") === "identified") posthog.reset();
    posthog.identify(userId, { role });
  } catch {
    // Ignore: identification is best effort.
  }
}

/** On sign-out: the next visitor of this browser starts anonymous. */
export function resetAnalytics(): void {
  if (!posthog.__loaded) return;
  try {
    posthog.reset();
  } catch {
    // Ignore.
  }
}

export type AnalyticsState = "unavailable" | "on" | "opted-out" | "do-not-track";

function doNotTrack(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  return ["1", "yes"].includes(String(nav.doNotTrack).toLowerCase()) || nav.globalPrivacyControl === true;
}

export function analyticsState(): AnalyticsState {
  if (typeof window === "undefined" || !posthog.__loaded) return "unavailable";
  if (doNotTrack()) return "do-not-track";
  return posthog.has_opted_out_capturing() ? "opted-out" : "on";
}

/** The per-browser switch on the Settings page; PostHog keeps the choice in this browser's storage. */
export function setAnalyticsOnThisBrowser(on: boolean): AnalyticsState {
  if (!posthog.__loaded) return "unavailable";
  if (on) posthog.opt_in_capturing();
  else posthog.opt_out_capturing();
  return analyticsState();
}
