import type { OtlpFormat } from "./decode";
import { ExportMetricsServiceResponse } from "./proto-root";

export type PartialSuccess = { rejectedDataPoints: number; errorMessage: string };

/**
 * The body of a successful export's answer, in the request's encoding (OTLP/HTTP requires it): empty, or a
 * partial success naming the points that were not stored.
 */
export function encodeExportResponse(
  format: OtlpFormat,
  partial?: PartialSuccess,
): { body: Uint8Array; contentType: string } {
  const message = partial && partial.rejectedDataPoints > 0 ? { partialSuccess: partial } : {};
  if (format === "json") {
    const json = message.partialSuccess
      ? { partialSuccess: { ...message.partialSuccess, rejectedDataPoints: String(partial!.rejectedDataPoints) } }
      : {};
    return { body: new TextEncoder().encode(JSON.stringify(json)), contentType: "application/json" };
  }
  const body = ExportMetricsServiceResponse.encode(ExportMetricsServiceResponse.fromObject(message)).finish();
  return { body, contentType: "application/x-protobuf" };
}
