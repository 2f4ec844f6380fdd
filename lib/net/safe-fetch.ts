import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "@/lib/net/address-policy";

export type SafeFetchOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Covers every hop, connection and body read. */
  timeoutMs: number;
  /** Off (default): private, loopback and link-local addresses are refused, whatever DNS says or a redirect asks. */
  allowPrivate?: boolean;
  /** 0 returns the first response as it is (3xx included). */
  maxRedirects?: number;
  /** The body is read up to this many bytes; the rest is dropped (`truncated`). */
  maxBodyBytes?: number;
  /** Which addresses count as public; tests swap it to tell two loopback addresses apart. */
  isPublic?: (address: string) => boolean;
};

export type SafeFetchResult = {
  status: number;
  headers: Record<string, string>;
  body: string;
  truncated: boolean;
  url: string;
  redirects: number;
};

export type SafeFetchErrorCode = "bad_url" | "blocked_address" | "dns" | "timeout" | "too_many_redirects" | "network";

export class SafeFetchError extends Error {
  constructor(
    readonly code: SafeFetchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SafeFetchError";
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const blocked = (host: string) =>
  new SafeFetchError(
    "blocked_address",
    `${host} resolves to a private or reserved address; allow private addresses for this target to reach it`,
  );

// The check runs inside the socket's own lookup, on the very addresses it connects to: no DNS-rebinding window.
function guardedLookup(allowPrivate: boolean, isPublic: (a: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err)
        return callback(new SafeFetchError("dns", `cannot resolve ${hostname}: ${err.code ?? err.message}`), "", 0);
      const usable = allowPrivate ? addresses : addresses.filter((a) => isPublic(a.address));
      if (usable.length === 0) return callback(blocked(hostname), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

function parseTarget(raw: string, allowPrivate: boolean, isPublic: (a: string) => boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeFetchError("bad_url", "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new SafeFetchError("bad_url", `${url.protocol} URLs are not allowed; use http or https`);
  if (url.username || url.password)
    throw new SafeFetchError("bad_url", "URLs with credentials are not allowed; send them as a header");
  // IP literals never reach the lookup hook, so they are judged here.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !allowPrivate && !isPublic(host)) throw blocked(host);
  return url;
}

type Resolved = Required<Pick<SafeFetchOptions, "allowPrivate" | "maxBodyBytes" | "maxRedirects" | "isPublic">> &
  SafeFetchOptions;

function once(url: URL, o: Resolved, method: string, body: string | undefined, signal: AbortSignal) {
  return new Promise<{ res: IncomingMessage; body: string; truncated: boolean }>((resolve, reject) => {
    const agent = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = {
      "user-agent": "Vigil-Probe/1.0",
      "accept-encoding": "identity",
      ...o.headers,
    };
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    const req = agent.request(
      url,
      { method, headers, lookup: guardedLookup(o.allowPrivate, o.isPublic), signal, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let truncated = false;
        res.on("data", (chunk: Buffer) => {
          if (size >= o.maxBodyBytes) return;
          const room = o.maxBodyBytes - size;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            truncated = true;
            size = o.maxBodyBytes;
            res.destroy(); // enough read: stop downloading
            resolve({ res, body: Buffer.concat(chunks).toString("utf8"), truncated });
            return;
          }
          chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => resolve({ res, body: Buffer.concat(chunks).toString("utf8"), truncated }));
        res.on("error", (err) => reject(err));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function asSafeError(err: unknown, signal: AbortSignal, timeoutMs: number): SafeFetchError {
  if (err instanceof SafeFetchError) return err;
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof SafeFetchError) return cause;
  if (signal.aborted) return new SafeFetchError("timeout", `no complete answer within ${timeoutMs} ms`);
  const e = err as NodeJS.ErrnoException;
  return new SafeFetchError(
    "network",
    e.code ? `${e.code}${e.message && !e.message.includes(e.code) ? `: ${e.message}` : ""}` : String(e.message ?? err),
  );
}

/**
 * An HTTP request for probes and webhooks: http(s) only, SSRF-guarded on every hop (DNS answers and IP literals),
 * redirects followed by hand and re-checked, one deadline for everything, the body capped.
 */
export async function safeFetch(target: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const o: Resolved = {
    allowPrivate: false,
    maxRedirects: 5,
    maxBodyBytes: 64 * 1024,
    isPublic: isPublicAddress,
    ...options,
  };
  const signal = AbortSignal.timeout(o.timeoutMs);
  let url = parseTarget(target, o.allowPrivate, o.isPublic);
  let method = (o.method ?? "GET").toUpperCase();
  let body = o.body;
  for (let hop = 0; ; hop++) {
    let answer: Awaited<ReturnType<typeof once>>;
    try {
      answer = await once(url, o, method, body, signal);
    } catch (err) {
      throw asSafeError(err, signal, o.timeoutMs);
    }
    const { res } = answer;
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (o.maxRedirects > 0 && REDIRECTS.has(status) && location) {
      if (hop >= o.maxRedirects)
        throw new SafeFetchError("too_many_redirects", `more than ${o.maxRedirects} redirects`);
      url = parseTarget(new URL(location, url).href, o.allowPrivate, o.isPublic);
      if (status === 303 || ((status === 301 || status === 302) && method === "POST"))
        [method, body] = ["GET", undefined];
      continue;
    }
    const headers = Object.fromEntries(
      Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    return { status, headers, body: answer.body, truncated: answer.truncated, url: url.href, redirects: hop };
  }
}
