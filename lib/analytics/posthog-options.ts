import type { PostHogConfig } from "posthog-js";

/** First-party path the browser SDK sends to; app/lantern-r7 relays it to POSTHOG_HOST. Not "ingest"/"posthog", which blocklists name. */
export const ANALYTICS_RELAY_PATH = "/lantern-r7";

/** `<html data-analytics="off">`: the server's instance-wide switch (VIGIL_ANALYTICS_DISABLED), read before init. */
export const ANALYTICS_OFF_ATTRIBUTE = "data-analytics";

/**
 * posthog-js options for Vigil: first-party relay, nothing loaded from PostHog's CDN, no flags/surveys/replay,
 * persons only for signed-in users, Do-Not-Track honoured, and no page text or attributes in autocapture.
 */
export function posthogOptions(): Partial<PostHogConfig> {
  return {
    api_host: ANALYTICS_RELAY_PATH,
    // PostHog's paths end in "/" (/e/), which Next would 308-redirect away; the relay puts the slash back.
    rewriteRequestPath: (url) => {
      url.pathname = url.pathname.replace(/\/+$/, "");
      return url;
    },
    ui_host: "https://us.posthog.com",
    defaults: "2026-05-30",
    // App Router navigations are history.pushState calls: one $pageview per pathname change.
    capture_pageview: "history_change",
    capture_pageleave: "if_capture_pageview",
    person_profiles: "identified_only",
    respect_dnt: true,
    // The console's text and attributes are the customer's monitoring data (emails, routes, URLs): clicks are
    // counted by element, never by what they say. Inputs are not autocaptured at all.
    autocapture: { dom_event_allowlist: ["click"], element_allowlist: ["a", "button"] },
    mask_all_text: true,
    mask_all_element_attributes: true,
    mask_personal_data_properties: true,
    // Offline-safe and self-contained: no /flags call, no scripts from PostHog's CDN, nothing we do not use.
    advanced_disable_flags: true,
    disable_external_dependency_loading: true,
    disable_surveys: true,
    disable_session_recording: true,
    disable_product_tours: true,
    disable_conversations: true,
    disable_web_experiments: true,
    capture_exceptions: false,
    capture_dead_clicks: false,
    capture_heatmaps: false,
    // Web vitals come from our own collector (lib/analytics/vitals-to-posthog.ts), not a second web-vitals copy.
    capture_performance: false,
    // The 2026 defaults mark 127.0.0.1/localhost visitors as test users with person profiles; self-hosted
    // instances are often reached that way, so keep the identified-only rule everywhere.
    internal_or_test_user_hostname: null,
  };
}
