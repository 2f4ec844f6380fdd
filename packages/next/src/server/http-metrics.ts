import dc from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Histogram } from "@opentelemetry/api";
import type { RouteLabeler } from "../routes/route-labeler.js";

type ServerMessage = { request: IncomingMessage; response: ServerResponse };

const START = "http.server.request.start";
const FINISH = "http.server.response.finish";
// Semantic conventions: methods outside the registered set share one value, so a client cannot mint labels.
const METHODS = new Set(["CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "QUERY", "TRACE"]);
export const methodOf = (method: string | undefined) => (method && METHODS.has(method) ? method : "_OTHER");

/**
 * Times every request of every Node HTTP server in this process from Node's own diagnostics channels (pages,
 * route handlers, server actions, assets, 404s alike), so no handler needs a wrapper. Returns the unsubscribe.
 */
export function recordHttpServerDurations(histogram: Histogram, labeler: RouteLabeler): () => void {
  const started = new WeakMap<IncomingMessage, number>();
  // A subscriber that throws surfaces as an uncaught exception: telemetry must never take the app down.
  const onStart = (message: unknown) => {
    try {
      started.set((message as ServerMessage).request, performance.now());
    } catch {}
  };
  const onFinish = (message: unknown) => {
    try {
      const { request, response } = message as ServerMessage;
      const start = started.get(request);
      if (start === undefined) return;
      const status = response.statusCode;
      histogram.record((performance.now() - start) / 1000, {
        "http.route": labeler.label(request.url ?? "/", status),
        "http.request.method": methodOf(request.method),
        "http.response.status_code": status,
      });
    } catch {}
  };
  dc.subscribe(START, onStart);
  dc.subscribe(FINISH, onFinish);
  return () => {
    dc.unsubscribe(START, onStart);
    dc.unsubscribe(FINISH, onFinish);
  };
}
