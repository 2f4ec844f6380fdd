// Defensive reads of not-yet-validated OTLP data (protobufjs messages or parsed JSON share field names).

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const field = (v: unknown, key: string): unknown =>
  v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;

const DATA_FIELDS = ["gauge", "sum", "histogram", "exponentialHistogram", "summary"] as const;

/** Data points of one metric, whatever its kind. */
export function dataPointCount(metric: unknown): number {
  let n = 0;
  for (const kind of DATA_FIELDS) n += list(field(field(metric, kind), "dataPoints")).length;
  return n;
}
