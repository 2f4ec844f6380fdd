import { join } from "node:path";
import { AggregationTemporalityPreference } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { AggregationType, MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { RouteLabeler } from "../routes/route-labeler.js";
import { flushOnSigterm } from "./flush-on-sigterm.js";
import { recordHttpServerDurations } from "./http-metrics.js";
import type { VigilServer, VigilServerOptions } from "./options.js";

export const HTTP_SERVER_DURATION = "http.server.request.duration";
const DEFAULT_INTERVAL_MS = 10_000;
const SHUTDOWN_FLUSH_LIMIT_MS = 5_000;
// Next.js evaluates instrumentation in more than one bundle: one registration per process, not per module copy.
const SLOT = Symbol.for("@vigil/next/server");
type Slot = { [SLOT]?: VigilServer };

/** `<endpoint>/v1/metrics`, or null when the endpoint is not an http(s) URL. */
export function metricsUrl(endpoint: string): string | null {
  try {
    const url = new URL(endpoint);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    const base = url.href.replace(/\/+$/, "");
    return base.endsWith("/v1/metrics") ? base : `${base}/v1/metrics`;
  } catch {
    return null;
  }
}

/**
 * Sends this Node.js server's request durations to Vigil over OTLP/HTTP (protobuf, delta temporality) as the
 * semantic-convention histogram `http.server.request.duration`, with the App Router route template as `http.route`.
 * Call it from `register()` in instrumentation.ts. Does nothing on the edge runtime or without endpoint and key.
 */
export function registerVigil(options: VigilServerOptions): VigilServer | undefined {
  if (typeof process === "undefined" || process.env.NEXT_RUNTIME === "edge") return undefined;
  const slot = globalThis as Slot;
  if (slot[SLOT]) return slot[SLOT];
  if (!options.endpoint || !options.secretKey) return undefined;
  const url = metricsUrl(options.endpoint);
  if (!url) {
    console.warn(`[@vigil/next] registerVigil: endpoint ${JSON.stringify(options.endpoint)} is not an http(s) URL`);
    return undefined;
  }
  const server = start(url, options.secretKey, options);
  slot[SLOT] = server;
  return server;
}

function start(url: string, secretKey: string, o: VigilServerOptions): VigilServer {
  const interval = Math.max(1_000, o.exportIntervalMillis ?? DEFAULT_INTERVAL_MS);
  const exporter = new OTLPMetricExporter({
    url,
    headers: { "x-vigil-key": secretKey },
    temporalityPreference: AggregationTemporalityPreference.DELTA,
  });
  const provider = new MeterProvider({
    resource: resourceFromAttributes({ "service.name": o.serviceName ?? defaultServiceName() }),
    readers: [
      new PeriodicExportingMetricReader({
        exporter,
        exportIntervalMillis: interval,
        exportTimeoutMillis: Math.min(interval, 10_000),
      }),
    ],
    // Exponential buckets (README: "Histogram buckets"): percentiles stay within ~2 % whatever the app's latencies.
    views: [
      {
        instrumentName: HTTP_SERVER_DURATION,
        aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM, options: { maxSize: 320 } },
      },
    ],
  });
  const histogram = provider.getMeter("@vigil/next").createHistogram(HTTP_SERVER_DURATION, {
    unit: "s",
    description: "Duration of HTTP server requests.",
  });
  const labeler = RouteLabeler.fromBuild(o.distDir ?? join(process.cwd(), ".next"));
  const unsubscribe = recordHttpServerDurations(histogram, labeler);

  const releaseSigterm = flushOnSigterm(() => provider.forceFlush(), SHUTDOWN_FLUSH_LIMIT_MS);

  return {
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      unsubscribe();
      releaseSigterm();
      if ((globalThis as Slot)[SLOT] === this) delete (globalThis as Slot)[SLOT];
      await provider.shutdown();
    },
  };
}

function defaultServiceName(): string {
  return process.env.OTEL_SERVICE_NAME || process.env.npm_package_name || "next-app";
}
