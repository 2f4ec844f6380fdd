import "server-only";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from "@opentelemetry/sdk-trace-node";
import { RequestTraceIdGenerator } from "@/lib/telemetry/trace-context";
import { processSingleton } from "@/lib/process-singleton";

export type TracingOptions = { endpoint: string; serviceName: string; version: string; sampleRate: number };

/**
 * Registers the global OpenTelemetry provider, so Next.js's own spans (request, render, route handler, fetch) are
 * exported over OTLP/HTTP. Incoming W3C traceparent headers continue the caller's trace; sampling follows the
 * caller's decision, else `sampleRate`.
 */
export function startTracing(o: TracingOptions): NodeTracerProvider {
  return processSingleton("tracer", () => registerTracer(o));
}

function registerTracer(o: TracingOptions): NodeTracerProvider {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": o.serviceName, "service.version": o.version }),
    idGenerator: new RequestTraceIdGenerator(),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(o.sampleRate) }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${o.endpoint.replace(/\/$/, "")}/v1/traces` })),
    ],
  });
  provider.register();
  return provider;
}
