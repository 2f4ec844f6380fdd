import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/pg-errors";
import { noteDatabaseUnavailable } from "@/lib/db/outage";
import { AppError, ERROR_STATUS, unavailable, type ErrorCode } from "@/lib/errors";
import type { Logger } from "@/lib/log/logger";
import { reportError } from "@/lib/telemetry/error-reporter";

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

export function errorJson(code: ErrorCode, message: string, init?: { details?: unknown; headers?: HeadersInit }) {
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

const routeOf = (log?: Logger): string => {
  const route: unknown = typeof log?.bindings === "function" ? log.bindings().route : undefined;
  return typeof route === "string" ? route : "api";
};

/**
 * Maps any thrown value to a JSON error. AppErrors keep their status (with Retry-After when they carry one); an
 * unreachable database is a 503 counted once per outage in the log; unknown errors become a generic 500, logged
 * and reported, never echoed.
 */
export function toErrorResponse(err: unknown, log?: Logger) {
  const appError = asAppError(err);
  if (appError) {
    if (appError !== err) noteDatabaseUnavailable(err, routeOf(log));
    const headers =
      appError.retryAfterSeconds === undefined
        ? undefined
        : { "Retry-After": String(Math.max(1, Math.ceil(appError.retryAfterSeconds))) };
    return errorJson(appError.code, appError.message, { details: appError.details, headers });
  }
  if (err instanceof ZodError) {
    const details = err.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message }));
    return errorJson("validation_failed", "The request did not match the expected shape.", { details });
  }
  log?.error({ err }, "unhandled error in route handler");
  reportError(err);
  return errorJson("internal", "Something went wrong on our side. The error has been logged.");
}
