// Hand-shaped ExportMetricsServiceRequests for edge cases the SDK never produces, in OTLP's JSON shape; the
// protobuf twin is encoded with the official proto root, so every case runs through both decoders.
import { ExportMetricsServiceRequest } from "../proto-root";
import { contentTypeOf, type ExportFormat } from "./sdk-payloads";

export type JsonObject = Record<string, unknown>;

export const attr = (key: string, value: JsonObject) => ({ key, value });
export const str = (key: string, s: string) => attr(key, { stringValue: s });
export const int = (key: string, n: number) => attr(key, { intValue: String(n) });

export const requestAttributes = (route: string | null, method = "GET", status: number | null = 200) => [
  ...(route === null ? [] : [str("http.route", route)]),
  str("http.request.method", method),
  ...(status === null ? [] : [int("http.response.status_code", status)]),
];

/** An explicit-bucket point in seconds: bounds 0.1, 0.5, 1. */
export const histogramPoint = (over: JsonObject = {}): JsonObject => ({
  attributes: requestAttributes("/a"),
  startTimeUnixNano: "1778580000000000000",
  timeUnixNano: "1778580030000000000",
  count: "6",
  sum: 1.7,
  bucketCounts: ["1", "2", "2", "1"],
  explicitBounds: [0.1, 0.5, 1],
  ...over,
});

export const metric = (over: JsonObject = {}, points: JsonObject[] = [histogramPoint()]): JsonObject => ({
  name: "http.server.request.duration",
  unit: "s",
  histogram: { aggregationTemporality: 1, dataPoints: points },
  ...over,
});

export const request = (metrics: JsonObject[] = [metric()]): JsonObject => ({
  resourceMetrics: [
    { resource: { attributes: [str("service.name", "shop")] }, scopeMetrics: [{ scope: { name: "t" }, metrics }] },
  ],
});

export function encode(body: JsonObject, format: ExportFormat): { body: Uint8Array; contentType: string } {
  const bytes =
    format === "json"
      ? new TextEncoder().encode(JSON.stringify(body))
      : ExportMetricsServiceRequest.encode(ExportMetricsServiceRequest.fromObject(body)).finish();
  return { body: bytes, contentType: contentTypeOf(format) };
}
