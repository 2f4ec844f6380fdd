import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import protobuf from "protobufjs";
import { AppError } from "@/lib/errors";
import { OTLP_LIMITS } from "./limits";
import { ExportMetricsServiceRequest, toPlainObject, WIRE_PATH } from "./proto-root";
import { badRequest, tooLarge, validationFailed } from "./refusals";
import { MetricsRequest } from "./schema";
import { dataPointCount, field, list } from "./walk";

export type OtlpFormat = "protobuf" | "json";

const MEDIA_TYPES: Record<string, OtlpFormat> = {
  "application/x-protobuf": "protobuf",
  "application/protobuf": "protobuf",
  "application/json": "json",
};

/** The encoding named by a Content-Type header (parameters ignored); anything else is a 415. */
export function otlpFormatOf(contentType: string | null | undefined): OtlpFormat {
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const format = MEDIA_TYPES[mediaType];
  if (!format)
    throw new AppError(
      "unsupported_media_type",
      "OTLP/HTTP metrics must be sent as application/x-protobuf or application/json.",
    );
  return format;
}

const inflate = promisify(gunzip);
const tooManyBytes = (what: string, limit: number) => tooLarge(`The ${what} must be at most ${limit} bytes.`);

/** The body with its Content-Encoding undone: identity or gzip, inflated to at most the decompressed limit. */
export async function decompressBody(body: Uint8Array, contentEncoding: string | null | undefined): Promise<Buffer> {
  if (body.byteLength > OTLP_LIMITS.bodyBytes) throw tooManyBytes("request body", OTLP_LIMITS.bodyBytes);
  const encoding = (contentEncoding ?? "").trim().toLowerCase();
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (encoding === "" || encoding === "identity") return buffer;
  if (encoding !== "gzip" && encoding !== "x-gzip")
    throw new AppError("unsupported_media_type", "Content-Encoding must be gzip or absent.");
  try {
    // maxOutputLength stops inflating as soon as the output passes the limit: a bomb never expands in memory.
    return await inflate(buffer, { maxOutputLength: OTLP_LIMITS.decompressedBytes });
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw tooManyBytes("decompressed body", OTLP_LIMITS.decompressedBytes);
    throw badRequest("The body is not valid gzip.");
  }
}

function parse(bytes: Buffer, format: OtlpFormat): unknown {
  if (format === "json") {
    let braces = 0;
    for (let i = bytes.indexOf(0x7b); i !== -1 && braces <= OTLP_LIMITS.jsonObjects; i = bytes.indexOf(0x7b, i + 1))
      braces++;
    if (braces > OTLP_LIMITS.jsonObjects)
      throw tooLarge(`At most ${OTLP_LIMITS.jsonObjects} JSON objects per request.`);
    try {
      return JSON.parse(bytes.toString("utf8"));
    } catch {
      throw badRequest("The body is not valid JSON.");
    }
  }
  const invalid = () => badRequest("The body is not a valid protobuf ExportMetricsServiceRequest.");
  let counts: { points: number; metrics: number };
  try {
    counts = countOnWire(bytes);
  } catch {
    throw invalid();
  }
  checkCounts(counts);
  try {
    return toPlainObject(ExportMetricsServiceRequest.decode(bytes));
  } catch {
    throw invalid();
  }
}

/** Calls `visit` for each length-delimited field of the message that ends at `end`; skips every other field. */
function eachField(r: protobuf.Reader, end: number, visit: (field: number, end: number) => void): void {
  while (r.pos < end) {
    const tag = r.uint32();
    if ((tag & 7) !== 2) {
      r.skipType(tag & 7);
      continue;
    }
    const stop = r.uint32() + r.pos;
    if (stop > end) throw new RangeError("a field runs past its message");
    visit(tag >>> 3, stop);
    r.pos = stop;
  }
}

/**
 * Data points and metrics of a protobuf request, counted on the wire with protobufjs' reader and the official
 * field numbers, before anything is decoded: protobufjs builds every element first, and 4 MB of empty points
 * would cost ~2 M objects (≈ 400 MB, 1.5 s) before a count could refuse them.
 */
function countOnWire(bytes: Uint8Array): { points: number; metrics: number } {
  const counts = { points: 0, metrics: 0 };
  const r = protobuf.Reader.create(bytes);
  eachField(r, r.len, (f, end) => {
    if (f !== WIRE_PATH.resourceMetrics) return;
    eachField(r, end, (f, end) => {
      if (f !== WIRE_PATH.scopeMetrics) return;
      eachField(r, end, (f, end) => {
        if (f !== WIRE_PATH.metrics) return;
        counts.metrics++;
        eachField(r, end, (f, end) => {
          if (!WIRE_PATH.data.has(f)) return;
          eachField(r, end, (f) => {
            if (WIRE_PATH.dataPoints.has(f)) counts.points++;
          });
        });
      });
    });
  });
  return counts;
}

/** Data points and metrics of parsed JSON; wrong shapes are left to the schema. */
function countInJson(request: unknown): { points: number; metrics: number } {
  const counts = { points: 0, metrics: 0 };
  for (const rm of list(field(request, "resourceMetrics")))
    for (const sm of list(field(rm, "scopeMetrics")))
      for (const metric of list(field(sm, "metrics"))) {
        counts.metrics++;
        counts.points += dataPointCount(metric);
      }
  return counts;
}

/** Refuses a request with too many data points or metrics before anything walks it point by point. */
function checkCounts({ points, metrics }: { points: number; metrics: number }): void {
  if (points > OTLP_LIMITS.dataPoints)
    throw tooLarge(`At most ${OTLP_LIMITS.dataPoints} data points per request (got ${points}).`);
  if (metrics > OTLP_LIMITS.metrics)
    throw tooLarge(`At most ${OTLP_LIMITS.metrics} metrics per request (got ${metrics}).`);
}

/**
 * Decodes an OTLP/HTTP ExportMetricsServiceRequest body (protobuf or JSON, optionally gzip) into its validated
 * envelope. Every refusal is an AppError: 415 for other media types or encodings, 413 past a size or count
 * limit, 400 for bytes that do not decode or a shape that does not validate.
 */
export async function decodeMetricsRequest(
  body: Uint8Array,
  headers: { contentType: string | null | undefined; contentEncoding?: string | null },
): Promise<{ format: OtlpFormat; request: MetricsRequest }> {
  const format = otlpFormatOf(headers.contentType);
  const bytes = await decompressBody(body, headers.contentEncoding);
  const raw = parse(bytes, format);
  if (format === "json") checkCounts(countInJson(raw));
  const parsed = MetricsRequest.safeParse(raw);
  if (!parsed.success)
    throw validationFailed(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  return { format, request: parsed.data };
}
