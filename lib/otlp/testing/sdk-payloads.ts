// Real OTLP export bodies for tests and benches: the official metrics SDK records, the official serializers encode.
import { gzipSync } from "node:zlib";
import type { Attributes } from "@opentelemetry/api";
import { JsonMetricsSerializer, ProtobufMetricsSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  AggregationTemporality,
  AggregationType,
  MeterProvider,
  MetricReader,
  type ResourceMetrics,
} from "@opentelemetry/sdk-metrics";

class ManualReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

export type SdkRecorderOptions = {
  temporality: "delta" | "cumulative";
  aggregation: "explicit" | "exponential";
  metricName?: string;
  unit?: string;
  /** Explicit bucket bounds in the metric's unit (default: the semconv advice for request durations). */
  boundaries?: number[];
  resource?: Attributes;
};

/** Stable semconv's advised bounds for http.server.request.duration, in seconds. */
export const SEMCONV_BOUNDS_S = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

export type ExportFormat = "protobuf" | "json";

export type SdkRecorder = {
  record(value: number, attributes?: Attributes): void;
  /** Collects and serializes; `atMs` replaces every point's end time (the SDK reads the real clock). */
  collect(atMs?: number): Promise<ResourceMetrics>;
  export(format: ExportFormat, atMs?: number, gzip?: boolean): Promise<Uint8Array>;
  shutdown(): Promise<void>;
};

export const contentTypeOf = (format: ExportFormat) =>
  format === "json" ? "application/json" : "application/x-protobuf";

export function serialize(resourceMetrics: ResourceMetrics, format: ExportFormat, gzip = false): Uint8Array {
  const serializer = format === "json" ? JsonMetricsSerializer : ProtobufMetricsSerializer;
  const body = serializer.serializeRequest(resourceMetrics);
  if (!body) throw new Error("the serializer produced nothing");
  return gzip ? gzipSync(body) : body;
}

export function sdkRecorder(options: SdkRecorderOptions): SdkRecorder {
  const name = options.metricName ?? "http.server.request.duration";
  const reader = new ManualReader({
    aggregationTemporalitySelector: () =>
      options.temporality === "delta" ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE,
  });
  const provider = new MeterProvider({
    readers: [reader],
    resource: resourceFromAttributes(options.resource ?? { "service.name": "shop", "host.name": "web-1" }),
    views:
      options.aggregation === "exponential"
        ? [{ instrumentName: name, aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }]
        : [
            {
              instrumentName: name,
              aggregation: {
                type: AggregationType.EXPLICIT_BUCKET_HISTOGRAM,
                options: { boundaries: options.boundaries ?? SEMCONV_BOUNDS_S },
              },
            },
          ],
  });
  const histogram = provider.getMeter("vigil-test", "1.0.0").createHistogram(name, { unit: options.unit ?? "s" });
  const collect = async (atMs?: number) => {
    const { resourceMetrics, errors } = await reader.collect();
    if (errors.length > 0) throw errors[0];
    if (atMs !== undefined)
      for (const scope of resourceMetrics.scopeMetrics)
        for (const metric of scope.metrics)
          for (const point of metric.dataPoints)
            (point as { endTime: [number, number] }).endTime = [Math.floor(atMs / 1000), (atMs % 1000) * 1e6];
    return resourceMetrics;
  };
  return {
    record: (value, attributes) => histogram.record(value, attributes),
    collect,
    export: async (format, atMs, gzip) => serialize(await collect(atMs), format, gzip),
    shutdown: () => provider.shutdown(),
  };
}
