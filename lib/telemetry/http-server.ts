import "server-only";
import dc from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { noteDatabaseUnavailable } from "@/lib/db/outage";
import { isDatabaseUnavailable } from "@/lib/db/pg-errors";
import { looksLikeUntrustedProxy, type ProxyTrust } from "@/lib/http/client-address";
import { stampClientAddress } from "@/lib/http/client-ip";
import { requestIdOf } from "@/lib/http/request-id";
import { logger } from "@/lib/log/logger";
import { recordJob, telemetry, type Telemetry } from "@/lib/telemetry/registry";
import { normalizeMethod, RequestAggregator } from "@/lib/telemetry/request-aggregator";
import { VIGIL_SITE_ID, VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { upsertRequestRollups } from "@/lib/telemetry/request-rollup-repository";
import { RouteLabeler } from "@vigil/next/routes";
import { requestTraceIds } from "@/lib/telemetry/trace-context";
import { processSlot } from "@/lib/process-singleton";

type ServerMessage = { request: IncomingMessage; response: ServerResponse };
type Child = {
  count: ReturnType<Telemetry["httpRequests"]["labels"]>;
  duration: ReturnType<Telemetry["httpDuration"]["labels"]>;
};
/** `metrics: false` keeps the trace ids and client addresses and drops the counting (VIGIL_REQUEST_METRICS=false). */
export type HttpServerOptions = {
  metrics: boolean;
  flushMs: number;
  enterTraceContext: boolean;
  proxyTrust: ProxyTrust;
};

const STARTED = Symbol.for("vigil.requestStarted");
type Timed = IncomingMessage & { [STARTED]?: number };

type State = {
  aggregator: RequestAggregator;
  labeler: RouteLabeler;
  children: Map<string, Child>;
  flushing?: Promise<void>;
};
// Set once by instrumentHttpServer; read by the flush, whichever bundle calls it.
const installed = processSlot<State>("httpServer");

// A subscriber that throws would surface as an uncaught exception and take the process down: never let it.
function guarded(name: string, fn: (message: ServerMessage) => void) {
  let reported = false;
  return (message: unknown) => {
    try {
      fn(message as ServerMessage);
    } catch (err) {
      if (!reported) logger.error({ err, channel: name }, "request telemetry failed; the request itself is unaffected");
      reported = true;
    }
  };
}

/**
 * Stamps x-trace-id on every response the Node HTTP server sends and hands the same id to the proxy and loggers
 * through the x-request-id request header; stamps the client address derived from the socket and the trusted
 * proxies before Next.js reads the request (lib/http/client-ip, ADR 0009); counts every request (pages, route
 * handlers, server actions, assets, 404s) from Node's diagnostics_channel events, so no handler needs a wrapper
 * (ADR 0004).
 */
export function instrumentHttpServer(o: HttpServerOptions): void {
  if (installed.value) return;
  const state: State = { aggregator: new RequestAggregator(), labeler: RouteLabeler.fromBuild(), children: new Map() };
  installed.value = state;
  const t = telemetry();
  let warnedProxy = false;

  dc.subscribe(
    "http.server.request.start",
    guarded("http.server.request.start", ({ request, response }) => {
      if (o.metrics) (request as Timed)[STARTED] = performance.now();
      const sources = stampClientAddress(request, o.proxyTrust);
      if (!warnedProxy && looksLikeUntrustedProxy(sources, o.proxyTrust)) {
        warnedProxy = true;
        logger.warn(
          { peer: sources.socket },
          "requests arrive with X-Forwarded-For from a private address, but VIGIL_TRUSTED_PROXIES is 0: every client counts as that proxy; set it to the number of proxies in front",
        );
      }
      const id = requestIdOf(request.headers.traceparent, request.headers["x-request-id"]);
      request.headers["x-request-id"] = id;
      response.setHeader("x-trace-id", id);
      response.setHeader("x-request-id", id);
      if (o.enterTraceContext) requestTraceIds.enterWith(id);
    }),
  );
  if (!o.metrics) return;

  dc.subscribe(
    "http.server.response.finish",
    guarded("http.server.response.finish", ({ request, response }) => {
      const started = (request as Timed)[STARTED];
      if (started === undefined) return;
      const ms = performance.now() - started;
      const status = response.statusCode;
      const route = state.labeler.label(request.url ?? "/", status);
      const method = normalizeMethod(request.method);
      const key = `${route} ${method} ${status}`;
      let child = state.children.get(key);
      if (!child) {
        child = {
          count: t.httpRequests.labels(VIGIL_SITE_SLUG, route, method, String(status)),
          duration: t.httpDuration.labels(VIGIL_SITE_SLUG, route, method, String(status)),
        };
        state.children.set(key, child);
      }
      child.count.inc();
      child.duration.observe(ms / 1000);
      state.aggregator.record(route, method, status, ms, Date.now());
    }),
  );

  setInterval(() => void flushRequestRollups(), o.flushMs).unref();
}

/** Writes what was aggregated since the last flush; on failure keeps it for the next attempt. */
export function flushRequestRollups(): Promise<void> {
  const state = installed.value;
  if (!state) return Promise.resolve();
  // One flush at a time: a slow database must not pile up concurrent upserts of the same keys.
  if (state.flushing) return state.flushing;
  const { cells, rows } = state.aggregator.drain();
  if (rows.length === 0) return Promise.resolve();
  const flushing = recordJob("request-rollup-flush", () => upsertRequestRollups(VIGIL_SITE_ID, rows))
    .then(() => undefined)
    .catch((err: unknown) => {
      state.aggregator.restore(cells);
      telemetry().rollupFlushFailures.inc();
      if (isDatabaseUnavailable(err)) noteDatabaseUnavailable(err, "request-rollup-flush");
      else logger.warn({ err, cells: cells.length }, "request rollups not written; retrying at the next flush");
    })
    .finally(() => (state.flushing = undefined));
  state.flushing = flushing;
  return flushing;
}
