import * as Sentry from "@sentry/nextjs";
import { env } from "@/lib/env.js";
import { initAnalytics } from "@/lib/analytics/posthog-client";

Sentry.init({
  dsn: env.NEXT_PUBLIC_SENTRY_DSN,
  enabled: Boolean(env.NEXT_PUBLIC_SENTRY_DSN),
  environment: env.NEXT_PUBLIC_SENTRY_ENVIRONMENT,
  release: env.NEXT_PUBLIC_APP_VERSION,
  tracesSampleRate: 0,
});

initAnalytics();

export const onRouterTransitionStart = Sentry.captureRouterTransitionStart;
