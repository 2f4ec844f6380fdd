import type { VitalsListenerHost } from "@vigil/next";
import { afterInteractive } from "@/lib/telemetry/after-interactive";
import { clientConfig } from "@/lib/telemetry/client-config";
import type { AnalyticsState } from "./posthog-client";
import { ANALYTICS_OFF_ATTRIBUTE } from "./posthog-options";

// What components call. posthog-js itself (lib/analytics/posthog-client.ts) is imported only once the page is
// interactive (ADR 0012); calls made before that wait for it, and none throws.

type Client = typeof import("./posthog-client");
export type { AnalyticsState };

let settle: (client: Client | null) => void = () => {};
const ready = new Promise<Client | null>((resolve) => {
  settle = resolve;
});

/**
 * Called once, before hydration: posthog-js is fetched and started once the page is interactive, or at once if
 * the page is hidden first (so that visit's vitals still go out). A no-op without a project key.
 */
export function startAnalytics(): void {
  const key = clientConfig.posthogKey;
  // data-analytics="off": the instance-wide switch (VIGIL_ANALYTICS_DISABLED); then the SDK is not even fetched.
  if (!key || document.documentElement.getAttribute(ANALYTICS_OFF_ATTRIBUTE) === "off") {
    settle(null);
    return;
  }
  // The collector hands over each vitals beacon; one sent before posthog-js has loaded waits for it.
  (window as VitalsListenerHost).vigilOnVitals = (json) => {
    void ready.then((client) => client?.sendWebVitals(json));
  };
  let requested = false;
  const load = () => {
    if (requested) return;
    requested = true;
    import("./posthog-client").then(
      (client) => {
        client.initAnalytics(key);
        settle(client);
      },
      () => settle(null),
    );
  };
  afterInteractive(load);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") load();
  });
}

/** Distinct id = the user's id (never the email); the role is the only person property. */
export function identifyUser(userId: string, role: string): void {
  void ready.then((client) => client?.identifyUser(userId, role));
}

/** On sign-out: the next visitor of this browser starts anonymous. */
export function resetAnalytics(): void {
  void ready.then((client) => client?.resetAnalytics());
}

export async function analyticsState(): Promise<AnalyticsState> {
  const client = await ready;
  return client ? client.analyticsState() : "unavailable";
}

/** The per-browser switch on the Settings page; PostHog keeps the choice in this browser's storage. */
export async function setAnalyticsOnThisBrowser(on: boolean): Promise<AnalyticsState> {
  const client = await ready;
  return client ? client.setAnalyticsOnThisBrowser(on) : "unavailable";
}
