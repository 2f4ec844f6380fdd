import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/pg-errors";
import { noteDatabaseUnavailable } from "@/lib/db/outage";
import { AppError, ERROR_STATUS, unavailable, type ErrorCode } from "@/lib/errors";
import type { Logger } from "@/lib/log/logger";
import { reportError } from "@/lib/telemetry/error-reporter";

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

function errorJson(code: ErrorCode, message: string, init?: { details?: unknown; headers?: HeadersInit }) {
  const body: ErrorBody = {
    error: { code, message, ...(init?.details === undefined ? {} : { details: init.details }) },
  };
  return NextResponse.json(body, { status: ERROR_STATUS[code], headers: init?.headers });
}

/** Seconds a client should wait before retrying when the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** The AppError a thrown value stands for: itself, a 503 for an unreachable database, else null (zod or unknown). */
function asAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err))
    return unavailable(
      "The database is unreachable; nothing was stored. Retry shortly.",
      DATABASE_RETRY_AFTER_SECONDS,
      err,
    );
  return null;
}

/** The code a thrown value maps to: its own for AppError, validation_failed for zod, unavailable for a lost database, else internal. */
export function errorCodeOf(err: unknown): ErrorCode {
  return asAppError(err)?.code ?? (err instanceof ZodError ? "validation_failed" : "internal");
}

/** Where a refusal happened: the route (named in the outage log) and its request logger, made only when needed. */
export type ErrorScope = { route: string; log: () => Logger };

/** The headers a refusal carries itself: Retry-After (429, 503) and WWW-Authenticate (401). */
function headersOf(err: AppError): Record<string, string> | undefined {
  if (err.retryAfterSeconds === undefined && err.challenge === undefined) return undefined;
  const headers: Record<string, string> = {};
  if (err.retryAfterSeconds !== undefined)
    headers["Retry-After"] = String(Math.max(1, Math.ceil(err.retryAfterSeconds)));
  if (err.challenge !== undefined) headers["WWW-Authenticate"] = err.challenge;
  return headers;
}

/**
 * Maps any thrown value to a JSON error (apiRoute in ./api-route calls it for every route handler). AppErrors keep
 * their status and headers; an unreachable database is a 503 counted once per outage; unknown errors become a
 * generic 500, logged and reported, never echoed.
 */
export function toErrorResponse(err: unknown, scope?: ErrorScope) {
  const appError = asAppError(err);
  if (appError) {
    if (appError !== err) noteDatabaseUnavailable(err, scope?.route ?? "api");
    return errorJson(appError.code, appError.message, { details: appError.details, headers: headersOf(appError) });
  }
  if (err instanceof ZodError) {
    const details = err.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message }));
    return errorJson("validation_failed", "The request did not match the expected shape.", { details });
  }
  scope?.log().error({ err }, "unhandled error in route handler");
  reportError(err);
  return errorJson("internal", "Something went wrong on our side. The error has been logged.");
}
