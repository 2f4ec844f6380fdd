import { z } from "zod";
import { OTLP_LIMITS as L } from "./limits";

// OTLP's JSON encoding (and protobuf through protobufjs' toObject: the same names, NaN as "NaN"): lowerCamelCase
// names, 64-bit integers as decimal strings or numbers, enums as numbers, absent fields for defaults. The envelope
// is checked for every metric; the data points only for the metrics the receiver reads (lib/otlp/extract), so an
// app's other metrics cannot get its request metrics refused.

// The long lists of a data point (bucket counts, bounds, attributes) are checked by one transform each, a loop
// over plain checks: a zod array of unions costs about a microsecond an element, and a 1,000-point export holds
// tens of thousands of them. The rules are the same; issues still carry their paths.

const U64_MAX = 2n ** 64n - 1n;

class Invalid {
  constructor(readonly message: string) {}
}

/** A zod schema for a list checked element by element; null or absent is the empty list, as in OTLP JSON. */
function listOf<T>(max: number, what: string, item: (v: unknown) => T | Invalid) {
  return z
    .unknown()
    .transform((v, ctx): T[] => {
      if (v === null) return [];
      if (!Array.isArray(v) || v.length > max) {
        ctx.addIssue({ code: "custom", message: `must be a list of at most ${max} ${what}` });
        return z.NEVER;
      }
      const out = new Array<T>(v.length);
      for (let i = 0; i < v.length; i++) {
        const r = item(v[i]);
        if (r instanceof Invalid) {
          ctx.addIssue({ code: "custom", message: r.message, path: [i] });
          return z.NEVER;
        }
        out[i] = r;
      }
      return out;
    })
    .default(() => []);
}

/** A zod schema for one value checked by `item`, with a default when absent. */
const scalar = <T>(item: (v: unknown) => T | Invalid, absent: T) =>
  z
    .unknown()
    .transform((v, ctx): T => {
      if (v === null) return absent;
      const r = item(v);
      if (!(r instanceof Invalid)) return r;
      ctx.addIssue({ code: "custom", message: r.message });
      return z.NEVER;
    })
    .default(absent as never); // zod's default() types exclude null; `absent` is a T

const BAD_COUNT = new Invalid("must be a non-negative integer below 2^53");
/** fixed64/uint64 counts, as JS numbers: past 2^53 they would lose exactness, so they are refused. */
function countOf(v: unknown): number | Invalid {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d{1,16}$/.test(v) ? Number(v) : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : BAD_COUNT;
}

const BAD_NANOS = new Invalid("must be an unsigned 64-bit integer (nanoseconds since the epoch)");
/** fixed64 nanosecond timestamps, exact. */
function unixNanoOf(v: unknown): bigint | Invalid {
  const ok = typeof v === "number" ? Number.isInteger(v) && v >= 0 : typeof v === "string" && /^\d{1,20}$/.test(v);
  const n = ok ? BigInt(v as string | number) : -1n;
  return n >= 0n && n <= U64_MAX ? n : BAD_NANOS;
}

const BAD_NUMBER = new Invalid("must be a finite number");
/** Doubles the receiver computes with: NaN and ±Infinity (OTLP JSON's "NaN", "Infinity") are refused. */
const finiteOf = (v: unknown): number | Invalid => (typeof v === "number" && Number.isFinite(v) ? v : BAD_NUMBER);

export const Count = scalar(countOf, 0);
export const UnixNano = scalar(unixNanoOf, 0n);
const finite = scalar<number | null>(finiteOf, null);

export type AttributeValue = {
  kind: "string" | "bool" | "int" | "double" | "bytes" | "array" | "kvlist" | "empty";
  /** Canonical text of the value: the string itself, decimal digits, "true", JSON for arrays and lists. */
  text: string;
};
export type PointAttribute = { key: string; value: AttributeValue };

const EMPTY: AttributeValue = { kind: "empty", text: "" };
const TOO_LONG = new Invalid(`an attribute value must be at most ${L.attributeValueChars} characters`);
const DOUBLE_WORDS = new Set(["NaN", "Infinity", "-Infinity"]);

/** AnyValue: the first member set, as canonical text. */
function attributeValueOf(v: unknown): AttributeValue | Invalid {
  if (v === undefined || v === null) return EMPTY;
  if (typeof v !== "object") return new Invalid("an attribute value must be an AnyValue object");
  const a = v as Record<string, unknown>;
  const text = (kind: AttributeValue["kind"], t: string) =>
    t.length > L.attributeValueChars ? TOO_LONG : { kind, text: t };
  if (typeof a.stringValue === "string") return text("string", a.stringValue);
  if (a.intValue != null) {
    const i = a.intValue;
    if ((typeof i === "number" && Number.isInteger(i)) || (typeof i === "string" && /^-?\d{1,19}$/.test(i)))
      return { kind: "int", text: String(BigInt(i)) };
    return new Invalid("intValue must be a 64-bit integer");
  }
  if (typeof a.boolValue === "boolean") return { kind: "bool", text: String(a.boolValue) };
  if (a.doubleValue != null) {
    const d = a.doubleValue;
    if (typeof d === "number" || (typeof d === "string" && DOUBLE_WORDS.has(d)))
      return { kind: "double", text: String(d) };
    return new Invalid("doubleValue must be a number");
  }
  if (typeof a.bytesValue === "string") return text("bytes", a.bytesValue);
  const kind = a.arrayValue != null ? "array" : a.kvlistValue != null ? "kvlist" : null;
  if (kind === null) return EMPTY;
  try {
    return text(kind, JSON.stringify(kind === "array" ? a.arrayValue : a.kvlistValue));
  } catch {
    return TOO_LONG; // nested past the stack: no legitimate attribute is
  }
}

function attributeOf(v: unknown): PointAttribute | Invalid {
  const key = v !== null && typeof v === "object" ? (v as { key?: unknown }).key : undefined;
  if (typeof key !== "string") return new Invalid("an attribute needs a string key");
  if (key.length > L.attributeKeyChars)
    return new Invalid(`an attribute key must be at most ${L.attributeKeyChars} characters`);
  const value = attributeValueOf((v as { value?: unknown }).value);
  return value instanceof Invalid ? value : { key, value };
}

const PointAttributes = listOf(L.attributesPerPoint, "attributes per data point", attributeOf);

const pointBase = {
  attributes: PointAttributes,
  startTimeUnixNano: UnixNano,
  timeUnixNano: UnixNano,
  count: Count,
  sum: finite,
  min: finite,
  max: finite,
  flags: z.number().int().min(0).default(0),
};

export const HistogramDataPoint = z.object({
  ...pointBase,
  bucketCounts: listOf(L.explicitBounds + 1, "bucket counts", countOf),
  explicitBounds: listOf(L.explicitBounds, "bounds", finiteOf),
});
export type HistogramDataPoint = z.output<typeof HistogramDataPoint>;

const Buckets = z
  .object({
    offset: z
      .number()
      .int()
      .min(-(2 ** 31))
      .max(2 ** 31 - 1)
      .default(0),
    bucketCounts: listOf(L.exponentialBuckets, "bucket counts", countOf),
  })
  .nullish()
  .transform((b) => b ?? { offset: 0, bucketCounts: [] });

export const ExponentialHistogramDataPoint = z.object({
  ...pointBase,
  scale: z.number().int().min(-10).max(20).default(0),
  zeroCount: Count,
  zeroThreshold: z.number().min(0).default(0),
  positive: Buckets,
  negative: Buckets,
});
export type ExponentialHistogramDataPoint = z.output<typeof ExponentialHistogramDataPoint>;

const temporality = z.number().int().default(0);

export const Histogram = z.object({
  dataPoints: z.array(HistogramDataPoint).max(L.dataPoints).default([]),
  aggregationTemporality: temporality,
});
export const ExponentialHistogram = z.object({
  dataPoints: z.array(ExponentialHistogramDataPoint).max(L.dataPoints).default([]),
  aggregationTemporality: temporality,
});

const identityText = z.string().max(L.identityChars);

/** Resource and scope attributes: only their keys are checked; the receiver reads a few string values itself. */
const LooseAttribute = z.object({ key: z.string().max(L.attributeKeyChars), value: z.unknown() });

export const Metric = z.object({
  name: z.string().max(L.metricNameChars).default(""),
  unit: z.string().max(L.unitChars).default(""),
  histogram: z.unknown().optional(),
  exponentialHistogram: z.unknown().optional(),
  gauge: z.unknown().optional(),
  sum: z.unknown().optional(),
  summary: z.unknown().optional(),
});
export type Metric = z.output<typeof Metric>;

const ScopeMetrics = z.object({
  scope: z
    .object({ name: identityText.default(""), version: identityText.default("") })
    .nullish()
    .transform((s) => s ?? { name: "", version: "" }),
  metrics: z.array(Metric).max(L.metrics).default([]),
});

const ResourceMetrics = z.object({
  resource: z
    .object({ attributes: z.array(LooseAttribute).max(L.resourceAttributes).default([]) })
    .nullish()
    .transform((r) => r ?? { attributes: [] }),
  scopeMetrics: z.array(ScopeMetrics).max(L.metrics).default([]),
});

/** ExportMetricsServiceRequest, either encoding. */
export const MetricsRequest = z.object({
  resourceMetrics: z.array(ResourceMetrics).max(L.metrics).default([]),
});
export type MetricsRequest = z.output<typeof MetricsRequest>;
