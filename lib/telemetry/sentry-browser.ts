import * as Sentry from "@sentry/nextjs";
import { drainEarlyErrors } from "./browser-errors";
import { clientConfig } from "./client-config";
import { scrubHooks } from "./scrub-pii";
import { SENTRY_TUNNEL_PATH } from "./sentry-paths";

// The lazily loaded part of the browser SDK (instrumentation-client.ts imports it after the page is interactive).

/** Returns the navigation hook of instrumentation-client.ts: Sentry's when browser tracing is on. */
export function startSentry(): ((href: string, navigationType: string) => void) | undefined {
  const tracesRate = clientConfig.sentryTracesSampleRate;
  Sentry.init({
    dsn: clientConfig.sentryDsn,
    enabled: Boolean(clientConfig.sentryDsn),
    environment: clientConfig.sentryEnvironment,
    release: clientConfig.appVersion,
    // First-party path (app/api/v1/e7c): blockers and strict CSPs stop direct posts to the Sentry host.
    tunnel: SENTRY_TUNNEL_PATH,
    sampleRate: clientConfig.sentrySampleRate,
    // Rate 0 leaves browser tracing out entirely: @sentry/nextjs adds its tracing integration (fetch/XHR wrappers,
    // performance observers) whatever the rate, so it is dropped here rather than sampling every navigation at 0.
    ...(tracesRate > 0
      ? { tracesSampleRate: tracesRate }
      : { integrations: (defaults) => defaults.filter((i) => i.name !== "BrowserTracing") }),
    dataCollection: { userInfo: false, cookies: false },
    ...scrubHooks,
  });
  drainEarlyErrors((error) => {
    Sentry.captureException(error, { mechanism: { type: "auto.browser.vigil_early_queue", handled: false } });
  });
  return tracesRate > 0 ? Sentry.captureRouterTransitionStart : undefined;
}
