import type { init } from "@sentry/nextjs";
import { env } from "@/lib/env.js";

/** Server and edge share these; without a DSN the SDK stays off entirely. */
export const serverSentryOptions: Parameters<typeof init>[0] = {
  dsn: env.SENTRY_DSN,
  enabled: Boolean(env.SENTRY_DSN),
  environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
  release: env.NEXT_PUBLIC_APP_VERSION,
  tracesSampleRate: env.SENTRY_TRACES_SAMPLE_RATE,
};
