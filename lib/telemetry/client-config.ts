// The browser's only configuration: NEXT_PUBLIC_* values Next inlines at build time. lib/env.js validates the same
// names when next.config.mjs loads it, so a bad value fails the build; this module carries no schema (no zod, no
// server names) into the bundle. Each name is spelled out: Next inlines only literal `process.env.NEXT_PUBLIC_X`.

const rate = (raw: string | undefined, fallback: number) => (raw ? Number(raw) : fallback);
const nonEmpty = (raw: string | undefined) => raw || undefined;

export const clientConfig = {
  sentryDsn: nonEmpty(process.env.NEXT_PUBLIC_SENTRY_DSN),
  sentryEnvironment: nonEmpty(process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT),
  sentrySampleRate: rate(process.env.NEXT_PUBLIC_SENTRY_SAMPLE_RATE, 1),
  sentryTracesSampleRate: rate(process.env.NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE, 0),
  appVersion: nonEmpty(process.env.NEXT_PUBLIC_APP_VERSION) ?? "0.1.0",
  posthogKey: nonEmpty(process.env.NEXT_PUBLIC_POSTHOG_KEY),
} as const;
