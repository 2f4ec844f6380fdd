import "server-only";
import type { ErrorCode } from "@/lib/errors";
import { errorCodeOf, toErrorResponse } from "@/lib/http/errors";
import { requestLogger } from "@/lib/log/logger";

// The one edge of every route handler: handlers parse, call a verb and map its result, and say no by throwing
// (AppError, zod); this wrapper turns what they throw into the JSON refusal, so none of them has a try/catch.

/** The second argument Next passes a route handler: the dynamic segments of its path. */
export type ApiContext<P extends Record<string, string | string[]>> = { params: Promise<P> };

export type ApiRouteOptions = {
  /** Set on every response, refusals included (CORS of cross-site beacons, Cache-Control). */
  headers?: Readonly<Record<string, string>>;
  /** Told the code of every refusal before it is answered (e.g. counted as a rejected beacon). */
  onError?: (code: ErrorCode) => void;
};

type Answer = Response | Promise<Response>;

export function apiRoute(
  name: string,
  handler: (request: Request) => Answer,
  options?: ApiRouteOptions,
): (request: Request) => Promise<Response>;
export function apiRoute<P extends Record<string, string | string[]>>(
  name: string,
  handler: (request: Request, context: ApiContext<P>) => Answer,
  options?: ApiRouteOptions,
): (request: Request, context: ApiContext<P>) => Promise<Response>;
/**
 * Wraps a route handler named `name` (its path template, bound to the log lines of its failures). On success it
 * costs one await and the extra headers: no logger exists unless something was thrown.
 */
export function apiRoute<C>(
  name: string,
  handler: (request: Request, context: C) => Answer,
  { headers, onError }: ApiRouteOptions = {},
): (request: Request, context: C) => Promise<Response> {
  const extra = headers ? Object.entries(headers) : [];
  return async (request, context) => {
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (err) {
      onError?.(errorCodeOf(err));
      response = toErrorResponse(err, { route: name, log: () => requestLogger(request, { route: name }) });
      // A HEAD answer has a status and headers only.
      if (request.method === "HEAD")
        response = new Response(null, { status: response.status, headers: response.headers });
    }
    for (const [key, value] of extra) response.headers.set(key, value);
    return response;
  };
}
