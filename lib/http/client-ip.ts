import { processSingleton } from "@/lib/process-singleton";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { env } from "@/lib/env.js";
import {
  deriveClientAddress,
  proxyTrustFrom,
  UNKNOWN_CLIENT,
  type AddressSources,
  type ProxyTrust,
} from "@/lib/http/client-address";

export { UNKNOWN_CLIENT };

// Written by the Node server hook (lib/telemetry/http-server) as "<process nonce> <address>". A client can send this
// header too, but the hook deletes it first, and where no hook ran the value cannot carry this process's nonce.
export const CLIENT_ADDRESS_HEADER = "x-vigil-client-address";

const nonce = () => processSingleton("clientAddressNonce", () => randomBytes(18).toString("base64url"));

/** The trust configured by VIGIL_TRUSTED_PROXIES, or the platform's default on Vercel and Netlify. */
export function configuredProxyTrust(): ProxyTrust {
  return proxyTrustFrom(env.VIGIL_TRUSTED_PROXIES, { vercel: Boolean(env.VERCEL), netlify: Boolean(env.NETLIFY) });
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : (v ?? null));

/** Node server hook: derives the address from the socket and trusted hops, before Next.js sees the request. */
export function stampClientAddress(request: IncomingMessage, trust: ProxyTrust): AddressSources {
  delete request.headers[CLIENT_ADDRESS_HEADER];
  const sources: AddressSources = {
    socket: request.socket?.remoteAddress ?? null,
    forwardedFor: one(request.headers["x-forwarded-for"]),
    realIp: one(request.headers["x-real-ip"]),
    netlifyClientIp: one(request.headers["x-nf-client-connection-ip"]),
  };
  request.headers[CLIENT_ADDRESS_HEADER] = `${nonce()} ${deriveClientAddress(sources, trust)}`;
  return sources;
}

function stamped(value: string | null): string | null {
  const space = value?.indexOf(" ") ?? -1;
  if (!value || space < 0) return null;
  const given = Buffer.from(value.slice(0, space));
  const expected = Buffer.from(nonce());
  return given.length === expected.length && timingSafeEqual(given, expected) ? value.slice(space + 1) : null;
}

/**
 * The one client address for rate limits, the login throttle and analytics GeoIP: the hook's stamp when the Node
 * server hook saw the request, else what the configured platform or trusted proxies say, else "unknown".
 */
export function clientIp(headers: Headers): string {
  const fromHook = stamped(headers.get(CLIENT_ADDRESS_HEADER));
  if (fromHook) return fromHook;
  const sources = {
    socket: null,
    forwardedFor: headers.get("x-forwarded-for"),
    realIp: headers.get("x-real-ip"),
    netlifyClientIp: headers.get("x-nf-client-connection-ip"),
  };
  return deriveClientAddress(sources, configuredProxyTrust());
}
