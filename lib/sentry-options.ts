import type { init } from "@sentry/nextjs";
import { env } from "@/lib/env.js";
import { isUntracedPath } from "@/lib/telemetry/sentry-paths";
import { scrubHooks } from "@/lib/telemetry/scrub-pii";

// The Node SDK's options (the edge SDK ignores the Node-only ones such as enableOpenTelemetrySetup).
type SentryOptions = Extract<Parameters<typeof init>[0], { enableOpenTelemetrySetup?: boolean }>;
type SentryEnv = Pick<
  typeof env,
  | "SENTRY_DSN"
  | "SENTRY_ENVIRONMENT"
  | "SENTRY_SAMPLE_RATE"
  | "SENTRY_TRACES_SAMPLE_RATE"
  | "NODE_ENV"
  | "NEXT_PUBLIC_APP_VERSION"
  | "OTEL_EXPORTER_OTLP_ENDPOINT"
>;

/** Server and edge share these; without a DSN the SDK stays off entirely. Runtime-specific integrations are added by the callers. */
export function buildServerSentryOptions(e: SentryEnv): SentryOptions {
  const tracesRate = e.SENTRY_TRACES_SAMPLE_RATE;
  return {
    dsn: e.SENTRY_DSN,
    enabled: Boolean(e.SENTRY_DSN),
    environment: e.SENTRY_ENVIRONMENT ?? e.NODE_ENV,
    release: e.NEXT_PUBLIC_APP_VERSION,
    sampleRate: e.SENTRY_SAMPLE_RATE,
    // Rate 0 leaves tracing off altogether (no sampler per request); ingest and health are never traced.
    ...(tracesRate > 0 && {
      tracesSampler: ({ name, normalizedRequest, inheritOrSampleWith }) => {
        const path = normalizedRequest?.url
          ? new URL(normalizedRequest.url, "http://x").pathname
          : (name.split(" ")[1] ?? name);
        return isUntracedPath(path) ? 0 : inheritOrSampleWith(tracesRate);
      },
    }),
    // Sentry's OTel tracer provider halved req/s on every route (docs/adr/0005-sentry-cost.md); it is only worth it
    // when Sentry traces, and never when the app registers its own provider (OTEL_EXPORTER_OTLP_ENDPOINT).
    enableOpenTelemetrySetup: tracesRate > 0 && !e.OTEL_EXPORTER_OTLP_ENDPOINT,
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpBodies: [],
      httpHeaders: {
        request: { deny: ["cookie", "authorization", "proxy-authorization", "x-api-key"] },
        response: false,
      },
    },
    ...scrubHooks,
  };
}

export const serverSentryOptions = buildServerSentryOptions(env);
