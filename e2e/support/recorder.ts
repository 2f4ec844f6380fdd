import { createServer, type Server } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { E2E_PORT } from "./config";

/** One request a local receiver recorded: what an SDK actually sent. */
export type Recorded = { at: number; method: string; path: string; headers: Record<string, string>; body: string };

// Local stand-ins for Sentry, PostHog and an OTLP collector. They run in Playwright's global setup (another process
// than the tests), so tests read what arrived over HTTP: GET /__recorded (DELETE clears). CORS is open for browsers.
export const RECEIVER_PORTS = { sentry: E2E_PORT + 10, posthog: E2E_PORT + 11, otlp: E2E_PORT + 12 } as const;
export type ReceiverName = keyof typeof RECEIVER_PORTS;
export const receiverUrl = (name: ReceiverName) => `http://127.0.0.1:${RECEIVER_PORTS[name]}`;

function decode(raw: Buffer, encoding: string | undefined, path = ""): string {
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

export function startRecorder(port: number): Promise<Server> {
  const recorded: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
      res.setHeader("access-control-allow-credentials", "true");
      res.setHeader("access-control-allow-headers", req.headers["access-control-request-headers"] ?? "*");
      res.setHeader("access-control-allow-methods", "GET, POST, PUT, OPTIONS");
      res.setHeader("content-type", "application/json");
      if (req.method === "OPTIONS") return res.writeHead(204).end();
      const path = req.url ?? "/";
      if (path.startsWith("/__recorded")) {
        if (req.method === "DELETE") recorded.length = 0;
        return res.end(JSON.stringify(recorded));
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
      );
      recorded.push({
        at: Date.now(),
        method: req.method ?? "GET",
        path,
        headers,
        body: decode(Buffer.concat(chunks), req.headers["content-encoding"], path),
      });
      res.end(JSON.stringify({ status: 1 }));
    });
  });
  return new Promise((ok, fail) => server.once("error", fail).listen(port, "127.0.0.1", () => ok(server)));
}

/** Used by tests: everything a receiver has recorded so far. */
export async function recordedBy(name: ReceiverName): Promise<Recorded[]> {
  const res = await fetch(`${receiverUrl(name)}/__recorded`);
  return (await res.json()) as Recorded[];
}

/** Polls a receiver until `pick` finds something, or fails with what did arrive. */
export async function waitForRecorded<T>(
  name: ReceiverName,
  pick: (all: Recorded[]) => T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let all: Recorded[] = [];
  while (Date.now() < deadline) {
    all = await recordedBy(name);
    const found = pick(all);
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `${name} receiver: nothing matched within ${timeoutMs} ms; ${all.length} requests arrived: ${all.map((r) => `${r.method} ${r.path}`).join(", ")}`,
  );
}
