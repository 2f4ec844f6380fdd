// Bounds of one OTLP/HTTP metrics export. The body caps bound every later cost (decode, validation, conversion).
export const OTLP_LIMITS = {
  /** Request body as sent (compressed or not); the route reads at most this many bytes. */
  bodyBytes: 4 * 1024 * 1024,
  /** Body after gzip: a larger one is refused while inflating, so a zip bomb costs at most this much memory. */
  decompressedBytes: 4 * 1024 * 1024,
  /** Data points of every metric in the request, read or not. */
  dataPoints: 10_000,
  /** Metrics in the request, empty ones included: bounds the work on requests that carry no points. */
  metrics: 10_000,
  /**
   * Opening braces in a JSON body, counted before parsing: an upper bound of its objects. A real point takes ~15
   * (attributes are two objects each), so 10,000 points fit three times over; 4 MB of "{}" would be 1.3 M.
   */
  jsonObjects: 500_000,
  attributesPerPoint: 64,
  attributeKeyChars: 256,
  attributeValueChars: 1024,
  /** Longest http.route kept; a longer one is refused (route templates are short, raw paths are not routes). */
  routeChars: 200,
  metricNameChars: 255,
  unitChars: 63,
  /** Scope names, versions and the resource attributes that identify a stream. */
  identityChars: 1024,
  resourceAttributes: 512,
  explicitBounds: 512,
  /** Per side (positive, negative) of an exponential histogram point. */
  exponentialBuckets: 4096,
  /**
   * Largest delta count of one point: request_rollups.count is a 32-bit int and an hour row sums 60 minutes,
   * so 30 M per minute cell (500 k requests/s) keeps the hour under 2^31. A larger point is dropped, not stored.
   */
  pointCount: 30_000_000,
} as const;
