import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import type { Logger } from "@/lib/log/logger";
import { reportError } from "@/lib/telemetry/error-reporter";

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export function errorJson(code: ErrorCode, message: string, init?: { details?: unknown; headers?: HeadersInit }) {
  const body: ErrorBody = { error: { code, message, ...(init?.details === undefined ? {} : { details: init.details }) } };
  return NextResponse.json(body, { status: ERROR_STATUS[code], headers: init?.headers });
}

/** The code a thrown value maps to: its own for AppError, validation_failed for zod, else internal. */
export function errorCodeOf(err: unknown): ErrorCode {
  return err instanceof AppError ? err.code : err instanceof ZodError ? "validation_failed" : "internal";
}

/** Maps any thrown value to a JSON error; unknown errors become a generic 500, logged and reported, never echoed. */
export function toErrorResponse(err: unknown, log?: Logger) {
  if (err instanceof AppError) return errorJson(err.code, err.message, { details: err.details });
  if (err instanceof ZodError) {
    const details = err.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message }));
    return errorJson("validation_failed", "The request did not match the expected shape.", { details });
  }
  log?.error({ err }, "unhandled error in route handler");
  reportError(err);
  return errorJson("internal", "Something went wrong on our side. The error has been logged.");
}
