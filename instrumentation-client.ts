import "@/lib/security/zod-jitless";
import * as Sentry from "@sentry/nextjs";
import { env } from "@/lib/env.js";
import { initAnalytics } from "@/lib/analytics/posthog-client";
import { scrubHooks } from "@/lib/telemetry/scrub-pii";
import { SENTRY_TUNNEL_PATH } from "@/lib/telemetry/sentry-paths";

const tracesRate = env.NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE;

Sentry.init({
  dsn: env.NEXT_PUBLIC_SENTRY_DSN,
  enabled: Boolean(env.NEXT_PUBLIC_SENTRY_DSN),
  environment: env.NEXT_PUBLIC_SENTRY_ENVIRONMENT,
  release: env.NEXT_PUBLIC_APP_VERSION,
  // First-party path (app/api/v1/e7c): blockers and strict CSPs stop direct posts to the Sentry host.
  tunnel: SENTRY_TUNNEL_PATH,
  sampleRate: env.NEXT_PUBLIC_SENTRY_SAMPLE_RATE,
  // Rate 0 leaves browser tracing out entirely rather than sampling every navigation at 0.
  ...(tracesRate > 0 && { tracesSampleRate: tracesRate }),
  dataCollection: { userInfo: false, cookies: false },
  ...scrubHooks,
});

initAnalytics();

export const onRouterTransitionStart = Sentry.captureRouterTransitionStart;
