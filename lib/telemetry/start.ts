import "server-only";
import { env } from "@/lib/env.js";
import { configuredProxyTrust } from "@/lib/http/client-ip";
import { logger } from "@/lib/log/logger";
import { instrumentHttpServer } from "@/lib/telemetry/http-server";
import { openMetricsWarning } from "@/lib/telemetry/metrics-auth";
import { telemetry } from "@/lib/telemetry/registry";
import { processSingleton } from "@/lib/process-singleton";

/** Node runtime start-up (instrumentation.ts): tracing first, so Next's first spans already have a provider. */
export async function startServerTelemetry(): Promise<void> {
  const tracing = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    const { startTracing } = await import("@/lib/telemetry/tracing");
    startTracing({
      endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
      serviceName: env.OTEL_SERVICE_NAME,
      version: env.NEXT_PUBLIC_APP_VERSION,
      sampleRate: env.OTEL_TRACES_SAMPLER_ARG,
    });
  }
  telemetry();
  instrumentHttpServer({
    metrics: env.VIGIL_REQUEST_METRICS,
    flushMs: env.VIGIL_TELEMETRY_FLUSH_MS,
    enterTraceContext: tracing,
    proxyTrust: configuredProxyTrust(),
  });
  // Open /metrics is the convenient default on a laptop; in production say so once, at start, not per request.
  const warning = openMetricsWarning(env.NODE_ENV, env.VIGIL_METRICS_TOKEN);
  if (warning) {
    processSingleton("metricsOpenWarning", () => {
      logger.warn({ event: "metrics.open" }, warning);
      return true;
    });
  }
}
