import * as Sentry from "@sentry/nextjs";
import { initAnalytics } from "@/lib/analytics/posthog-client";
import { clientConfig } from "@/lib/telemetry/client-config";
import { scrubHooks } from "@/lib/telemetry/scrub-pii";
import { SENTRY_TUNNEL_PATH } from "@/lib/telemetry/sentry-paths";

const tracesRate = clientConfig.sentryTracesSampleRate;

Sentry.init({
  dsn: clientConfig.sentryDsn,
  enabled: Boolean(clientConfig.sentryDsn),
  environment: clientConfig.sentryEnvironment,
  release: clientConfig.appVersion,
  // First-party path (app/api/v1/e7c): blockers and strict CSPs stop direct posts to the Sentry host.
  tunnel: SENTRY_TUNNEL_PATH,
  sampleRate: clientConfig.sentrySampleRate,
  // Rate 0 leaves browser tracing out entirely rather than sampling every navigation at 0.
  ...(tracesRate > 0 && { tracesSampleRate: tracesRate }),
  dataCollection: { userInfo: false, cookies: false },
  ...scrubHooks,
});

if (clientConfig.posthogKey) initAnalytics(clientConfig.posthogKey);

export const onRouterTransitionStart = Sentry.captureRouterTransitionStart;
