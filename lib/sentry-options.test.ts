import { beforeAll, describe, expect, it, vi } from "vitest";

let build: typeof import("./sentry-options").buildServerSentryOptions;
const base = {
  SENTRY_DSN: "http://public@127.0.0.1:3521/1",
  SENTRY_ENVIRONMENT: undefined,
  SENTRY_SAMPLE_RATE: 1,
  SENTRY_TRACES_SAMPLE_RATE: 0,
  NODE_ENV: "production",
  NEXT_PUBLIC_APP_VERSION: "1.2.3",
  OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
} as const;

beforeAll(async () => {
  // The module also builds the app's options from lib/env.js at import; give it a valid environment.
  vi.stubEnv("DATABASE_URL", "postgres://u@127.0.0.1:5432/db");
  vi.stubEnv("AUTH_SECRET", "s".repeat(32));
  ({ buildServerSentryOptions: build } = await import("./sentry-options"));
});

describe("buildServerSentryOptions", () => {
  it("tags release and environment and stays off without a DSN", () => {
    expect(build(base)).toMatchObject({ enabled: true, release: "1.2.3", environment: "production", sampleRate: 1 });
    expect(build({ ...base, SENTRY_ENVIRONMENT: "staging" }).environment).toBe("staging");
    expect(build({ ...base, SENTRY_DSN: undefined }).enabled).toBe(false);
  });

  it("registers Sentry's OpenTelemetry provider only to trace, and never when the app exports OTLP itself", () => {
    const tracing = { ...base, SENTRY_TRACES_SAMPLE_RATE: 0.1 };
    expect(build(tracing).enableOpenTelemetrySetup).toBe(true);
    expect(build(base).enableOpenTelemetrySetup).toBe(false);
    expect(build({ ...tracing, OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318" }).enableOpenTelemetrySetup).toBe(
      false,
    );
  });

  it("turns tracing off at rate 0 and never samples ingest or health", () => {
    const off = build(base);
    expect(off.tracesSampleRate).toBeUndefined();
    expect(off.tracesSampler).toBeUndefined();
    const sampler = build({ ...base, SENTRY_TRACES_SAMPLE_RATE: 0.5 }).tracesSampler!;
    const ctx = (name: string, url?: string) =>
      ({ name, normalizedRequest: url ? { url } : undefined, inheritOrSampleWith: (r: number) => r }) as never;
    expect(sampler(ctx("POST /api/v1/vitals"))).toBe(0);
    expect(sampler(ctx("GET /api/health", "http://h/api/health?x=1"))).toBe(0);
    expect(sampler(ctx("GET /api/health/ready"))).toBe(0);
    expect(sampler(ctx("GET /admin/vitals"))).toBe(0.5);
  });

  it("scrubs events before they are sent", () => {
    const event = build(base).beforeSend!(
      { type: undefined, message: "mail a@b.io", request: { cookies: { s: "1" } } },
      {},
    );
    expect(event).toEqual({ type: undefined, message: "mail [email]", request: {} });
  });
});
