import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

// The one local HTTP receiver of the test suites: stands in for Sentry, PostHog, OTLP collectors, webhook
// endpoints and upstreams, and records what the code under test actually sent.

export type Received = {
  at: number;
  method: string;
  /** Path and query as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body decoded (gzip, deflate, br, posthog-js's sniffed gzip or base64 form) as text. */
  text: string;
};

export type Reply = { status?: number; headers?: Record<string, string>; body?: string; delayMs?: number };

export type ReceiverOptions = {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The answer to every request, or one computed from the request and its 0-based number. */
  reply?: Reply | ((request: Received, n: number) => Reply);
  /** Open CORS, for receivers browsers post to. */
  cors?: boolean;
  /** Serves what arrived at GET /__recorded (DELETE clears), for tests in another process than the receiver. */
  inspect?: boolean;
};

export type Receiver = {
  url: string;
  port: number;
  server: Server;
  received: Received[];
  close: () => Promise<void>;
};

/** A recorded request as served by /__recorded (headers flattened, body as decoded text). */
export type RecordedView = { at: number; method: string; path: string; headers: Record<string, string>; body: string };

export function decodeBody(raw: Buffer, encoding: string | undefined, path = ""): string {
  try {
    // posthog-js sends gzip without Content-Encoding (PostHog sniffs the magic bytes), or base64 form data.
    if (raw[0] === 0x1f && raw[1] === 0x8b) return gunzipSync(raw).toString("utf8");
    if (/[?&]compression=base64/.test(path) && raw.toString("latin1").startsWith("data=")) {
      return Buffer.from(decodeURIComponent(raw.toString("latin1").slice(5)), "base64").toString("utf8");
    }
    if (encoding === "gzip") return gunzipSync(raw).toString("utf8");
    if (encoding === "deflate") return inflateSync(raw).toString("utf8");
    if (encoding === "br") return brotliDecompressSync(raw).toString("utf8");
  } catch {
    return raw.toString("latin1");
  }
  return raw.toString("utf8");
}

const view = (r: Received): RecordedView => ({
  at: r.at,
  method: r.method,
  path: r.url,
  headers: Object.fromEntries(
    Object.entries(r.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
  ),
  body: r.text,
});

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (options.cors) {
        res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
        res.setHeader("access-control-allow-credentials", "true");
        res.setHeader("access-control-allow-headers", req.headers["access-control-request-headers"] ?? "*");
        res.setHeader("access-control-allow-methods", "GET, POST, PUT, OPTIONS");
        if (req.method === "OPTIONS") return void res.writeHead(204).end();
      }
      const url = req.url ?? "/";
      if (options.inspect && url.startsWith("/__recorded")) {
        if (req.method === "DELETE") received.length = 0;
        return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received.map(view)));
      }
      const body = Buffer.concat(chunks);
      const request: Received = {
        at: Date.now(),
        method: req.method ?? "GET",
        url,
        headers: req.headers,
        body,
        text: decodeBody(body, req.headers["content-encoding"], url),
      };
      const n = received.length;
      received.push(request);
      const reply = typeof options.reply === "function" ? options.reply(request, n) : (options.reply ?? {});
      const send = () =>
        res
          .writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers })
          .end(reply.body ?? '{"status":1}');
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((ok, fail) =>
    server.once("error", fail).listen(options.port ?? 0, options.host ?? "127.0.0.1", () => ok()),
  );
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    server,
    received,
    close: () => closeServers([server]),
  };
}

type Closable = { close(callback?: (err?: Error) => void): unknown; closeAllConnections?(): void };

/** Closes test servers, dropping their kept-alive connections first so close() does not wait for them. */
export function closeServers(servers: readonly Closable[]): Promise<void> {
  return Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((done) => {
          s.closeAllConnections?.();
          s.close(() => done());
        }),
    ),
  ).then(() => undefined);
}
