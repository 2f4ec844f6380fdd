// Reads the OTLP/HTTP protobuf metrics requests tests receive. @opentelemetry/otlp-transformer 0.223 only writes
// protobuf, so this walks the wire format for the few fields tests assert on (opentelemetry-proto metrics.proto).

type Value = bigint | Uint8Array;
type Fields = Map<number, Value[]>;

function readVarint(buf: Uint8Array, at: number): [bigint, number] {
  let value = 0n;
  for (let shift = 0n; ; shift += 7n) {
    const byte = buf[at++];
    if (byte === undefined) throw new Error("truncated varint");
    value |= BigInt(byte & 0x7f) << shift;
    if (byte < 0x80) return [value, at];
  }
}

function fieldsOf(buf: Uint8Array): Fields {
  const out: Fields = new Map();
  let at = 0;
  while (at < buf.length) {
    const [key, next] = readVarint(buf, at);
    at = next;
    const no = Number(key >> 3n);
    const wire = Number(key & 7n);
    let value: Value;
    if (wire === 0) [value, at] = readVarint(buf, at);
    else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      value = buf.subarray(at, at + size);
      at += size;
    } else if (wire === 2) {
      const [length, start] = readVarint(buf, at);
      value = buf.subarray(start, start + Number(length));
      at = start + Number(length);
    } else throw new Error(`unsupported wire type ${wire}`);
    out.set(no, [...(out.get(no) ?? []), value]);
  }
  return out;
}

const bytes = (f: Fields, no: number) => (f.get(no) ?? []) as Uint8Array[];
const text = (f: Fields, no: number) => new TextDecoder().decode(bytes(f, no)[0] ?? new Uint8Array());
const varint = (f: Fields, no: number) => (f.get(no)?.[0] as bigint | undefined) ?? 0n;
const view = (b: Uint8Array = new Uint8Array(8)) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const fixed64 = (f: Fields, no: number) => Number(view(bytes(f, no)[0]).getBigUint64(0, true));
const double = (f: Fields, no: number) => view(bytes(f, no)[0]).getFloat64(0, true);
const zigzag = (v: bigint) => Number((v >> 1n) ^ -(v & 1n));

export type Attributes = Record<string, string | number | boolean>;
export type HistogramPoint = { attributes: Attributes; count: number; sum: number; scale?: number };
export type OtlpMetric = {
  name: string;
  unit: string;
  kind: "histogram" | "exponentialHistogram" | "other";
  /** 1 = delta, 2 = cumulative. */
  temporality: number;
  points: HistogramPoint[];
};
export type OtlpMetricsRequest = { resource: Attributes; metrics: OtlpMetric[] };

function attributesOf(keyValues: Uint8Array[]): Attributes {
  const out: Attributes = {};
  for (const kv of keyValues) {
    const f = fieldsOf(kv);
    const any = fieldsOf(bytes(f, 2)[0] ?? new Uint8Array());
    if (any.has(1)) out[text(f, 1)] = text(any, 1);
    else if (any.has(2)) out[text(f, 1)] = varint(any, 2) === 1n;
    else if (any.has(3)) out[text(f, 1)] = Number(BigInt.asIntN(64, varint(any, 3)));
    else if (any.has(4)) out[text(f, 1)] = double(any, 4);
  }
  return out;
}

/** An ExportMetricsServiceRequest, reduced to names, units, temporality and histogram counts per attribute set. */
export function decodeMetricsRequest(body: Uint8Array): OtlpMetricsRequest {
  const request: OtlpMetricsRequest = { resource: {}, metrics: [] };
  for (const rm of bytes(fieldsOf(body), 1)) {
    const resourceMetrics = fieldsOf(rm);
    Object.assign(request.resource, attributesOf(bytes(fieldsOf(bytes(resourceMetrics, 1)[0] ?? new Uint8Array()), 1)));
    for (const sm of bytes(resourceMetrics, 2)) {
      for (const m of bytes(fieldsOf(sm), 2)) {
        const metric = fieldsOf(m);
        const exponential = metric.has(10);
        const data = fieldsOf(bytes(metric, exponential ? 10 : 9)[0] ?? new Uint8Array());
        request.metrics.push({
          name: text(metric, 1),
          unit: text(metric, 3),
          kind: exponential ? "exponentialHistogram" : metric.has(9) ? "histogram" : "other",
          temporality: Number(varint(data, 2)),
          points: bytes(data, 1).map((p) => {
            const point = fieldsOf(p);
            return {
              // Histogram points keep attributes in field 9, exponential ones in field 1.
              attributes: attributesOf(bytes(point, exponential ? 1 : 9)),
              count: fixed64(point, 4),
              sum: double(point, 5),
              ...(exponential && { scale: zigzag(varint(point, 6)) }),
            };
          }),
        });
      }
    }
  }
  return request;
}
