import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { AppError } from "@/lib/errors";

// What a PostHog SDK body says, decoded the ways posthog-js encodes it (lib/src/request.js): JSON, gzip (sniffed by
// its magic bytes, the query no longer says so), and `data=<base64>` form bodies (`compression=base64`, beacons).

/** Decoded bodies larger than this are refused: a 1 MB gzip body could otherwise inflate to gigabytes. */
export const RELAY_MAX_DECODED_BYTES = 4 * 1024 * 1024;

export type RelayBody = { form: URLSearchParams | null; payload: unknown };

const COMPRESSIONS = new Set(["gzip-js", "gzip", "base64"]);
const STRICT_BASE64 = /^[A-Za-z\d+/]*={0,2}$/;
const inflate = promisify(gunzip);
const utf8 = new TextDecoder("utf-8", { fatal: true });

const unsupported = (message: string) => new AppError("unsupported_media_type", message);
const undecodable = (message: string) => new AppError("bad_request", message);

async function gunzipCapped(body: Buffer): Promise<Buffer> {
  try {
    return await inflate(body, { maxOutputLength: RELAY_MAX_DECODED_BYTES });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw new AppError(
        "payload_too_large",
        `The decompressed body must be at most ${RELAY_MAX_DECODED_BYTES} bytes.`,
      );
    }
    throw undecodable("The body is not valid gzip.");
  }
}

function text(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw undecodable("The body is not UTF-8.");
  }
}

function json(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    throw undecodable("The body is not the JSON a PostHog SDK sends.");
  }
}

const looksLikeJson = (s: string) => /^\s*[[{]/.test(s);

// A form's `data` is JSON, or base64 of it; only strict base64, so that no lenient decoder reads something else.
function formData(value: string): unknown {
  if (looksLikeJson(value)) return json(value);
  if (value.length % 4 !== 0 || !STRICT_BASE64.test(value))
    throw undecodable("The form's data field is neither JSON nor base64.");
  return json(text(Buffer.from(value, "base64")));
}

/**
 * The body of one SDK request: JSON, or a form (`data`, and any key fields) after gzip if any. Anything that is
 * neither, an unknown compression or content encoding, or two `data` fields (parsers disagree on which counts) is
 * refused rather than forwarded unread.
 */
export async function decodeRelayBody(
  body: Buffer,
  query: URLSearchParams,
  contentEncoding: string | null,
): Promise<RelayBody> {
  const compressions = query.getAll("compression");
  if (compressions.length > 1 || (compressions[0] !== undefined && !COMPRESSIONS.has(compressions[0]))) {
    throw unsupported("Only gzip and base64 compression are relayed.");
  }
  const encoding = contentEncoding?.trim().toLowerCase() || "identity";
  if (encoding !== "identity" && encoding !== "gzip") throw unsupported("Only gzip content encoding is relayed.");
  if (body.length === 0) return { form: null, payload: undefined };

  const gzipped = body[0] === 0x1f && body[1] === 0x8b;
  if (!gzipped && (encoding === "gzip" || compressions[0] === "gzip" || compressions[0] === "gzip-js"))
    throw undecodable("The body was declared gzip but is not.");
  const decoded = text(gzipped ? await gunzipCapped(body) : body);
  if (looksLikeJson(decoded)) return { form: null, payload: json(decoded) };

  const form = new URLSearchParams(decoded);
  const data = form.getAll("data");
  if (data.length !== 1) throw undecodable("The body is neither JSON nor a form with one data field.");
  return { form, payload: formData(data[0]!) };
}
