// OTLP/HTTP metrics receiver, the pure half: bytes → validated request → request-duration points → rollup cells.
// No database and no Next.js here; app/v1/metrics reads the body, resolves the site, keeps stream states and
// writes the cells (see docs/OTLP.md).
export { type ConvertOptions, type ConvertResult, type ConvertStats, convertRequestDurations } from "./convert";
export { cumulativeToDelta, type DeltaOutcome, type DeltaResult, StreamState } from "./cumulative";
export { decodeMetricsRequest, type OtlpFormat, otlpFormatOf } from "./decode";
export { DURATION_METRICS, type Extraction, type ExtractStats, extractRequestDurations } from "./extract";
export { OTLP_LIMITS } from "./limits";
export { histogramOfPoint } from "./placement";
export type { DurationPoint, ExplicitBuckets, ExponentialBuckets, HistogramPoint } from "./points";
export { encodeExportResponse, type PartialSuccess } from "./response";
export type { MetricsRequest } from "./schema";
