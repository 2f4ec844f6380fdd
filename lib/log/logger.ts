import "server-only";
import pino from "pino";
import { env } from "@/lib/env.js";
import { requestIdFrom } from "@/lib/http/request-id";
import { processSingleton } from "@/lib/process-singleton";

export type Logger = pino.Logger;

// One JSON logger per process (Next may load this module in several bundles); secrets are redacted by path.
export const logger: Logger = processSingleton("logger", () =>
  pino({
    level: env.LOG_LEVEL,
    base: { service: "vigil" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        "password",
        "*.password",
        "passwordHash",
        "*.passwordHash",
        "headers.cookie",
        "headers.authorization",
        "*.headers.cookie",
        "*.headers.authorization",
      ],
      censor: "[redacted]",
    },
  }),
);

export const REQUEST_ID_HEADER = "x-request-id";

/** A child logger bound to the id the proxy assigned to this request (derived here on routes the proxy skips). */
export function requestLogger(request: Request, bindings: Record<string, unknown> = {}): Logger {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? requestIdFrom(request.headers);
  return logger.child({ requestId, ...bindings });
}
