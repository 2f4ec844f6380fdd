import * as Sentry from "@sentry/nextjs";
import { env } from "@/lib/env.js";

// Without a DSN the SDK stays off entirely; the Sentry issue (#4) tunes sampling and scrubbing.
Sentry.init({
  dsn: env.SENTRY_DSN,
  enabled: Boolean(env.SENTRY_DSN),
  environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
  release: env.NEXT_PUBLIC_APP_VERSION,
  tracesSampleRate: env.SENTRY_TRACES_SAMPLE_RATE,
});
