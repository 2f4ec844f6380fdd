// One error hierarchy for the app; lib/http maps codes to HTTP statuses at the edge.
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  unknown_site: 403,
  origin_not_allowed: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type AppErrorOptions = { details?: unknown; cause?: unknown; retryAfterSeconds?: number; challenge?: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** Sent as Retry-After by the edge mapping (429 and 503 refusals). */
  readonly retryAfterSeconds?: number;
  /** Sent as WWW-Authenticate by the edge mapping (401 refusals of bearer-token endpoints). */
  readonly challenge?: string;

  constructor(code: ErrorCode, message: string, options?: AppErrorOptions) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options?.details;
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.challenge = options?.challenge;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** 401; `challenge` (e.g. `Bearer realm="metrics"`) is sent as WWW-Authenticate. */
export const unauthorized = (message = "Sign in to access this resource.", challenge?: string) =>
  new AppError("unauthorized", message, { challenge });
export const forbidden = (message = "Your role does not allow this action.") => new AppError("forbidden", message);

/** 429 with Retry-After; `retryAfterSeconds` is also in the body's details for clients that read JSON only. */
export const rateLimited = (retryAfterSeconds: number, message: string) =>
  new AppError("rate_limited", message, { retryAfterSeconds, details: { retryAfterSeconds } });

/** 503 with Retry-After: the request was fine, a dependency (the database) is not; nothing was stored. */
export const unavailable = (message: string, retryAfterSeconds = 5, cause?: unknown) =>
  new AppError("unavailable", message, { retryAfterSeconds, cause });
