import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { readBodyLimited } from "@/lib/http/read-body";
import { findUnstorableText, UNSTORABLE_MESSAGE } from "@/lib/http/storable-text";

const ACCEPTED_TYPES = new Set(["text/plain", "application/json"]);

/** A declared length within the limit is enforced by the HTTP parser: read it in one go (the common beacon case). */
async function readLimited(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (declared > limit) throw new AppError("payload_too_large", `The body must be at most ${limit} bytes.`);
  if (Number.isFinite(declared)) return request.text();
  return (await readBodyLimited(request, limit)).toString("utf8");
}

/** Content type, size, JSON and schema checks for a small JSON body (beacons, SLO events); every refusal is a 4xx AppError. */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  limit: number,
): Promise<z.infer<S>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!ACCEPTED_TYPES.has(type)) {
    throw new AppError("unsupported_media_type", "Send the body as text/plain or application/json.");
  }
  const text = await readLimited(request, limit);
  if (text.trim() === "") throw new AppError("bad_request", "The body is empty.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  // Before the schema: one string Postgres cannot store would fail the whole batch this beacon joins.
  const unstorable = findUnstorableText(json);
  if (unstorable)
    throw new AppError("validation_failed", `The body's text at ${unstorable} ${UNSTORABLE_MESSAGE}.`, {
      details: [{ path: unstorable, message: UNSTORABLE_MESSAGE }],
    });
  return schema.parse(json);
}
