import ipaddr from "ipaddr.js";

// Pure: which address a request comes from, given what the socket and the trusted proxies say (ADR 0009).

/** Every request whose address cannot be established shares this key (fail closed: one budget for all of them). */
export const UNKNOWN_CLIENT = "unknown";

/**
 * `hops`: that many reverse proxies of ours stand in front of the server, each appending the address it saw to
 * X-Forwarded-For. `vercel` / `netlify`: the platform's own header, which the platform overwrites on every request.
 */
export type ProxyTrust = { hops: number } | { platform: "vercel" | "netlify" };

export type AddressSources = {
  /** The TCP peer; null when unknown (no Node HTTP server saw the request). */
  socket: string | null;
  forwardedFor: string | null;
  realIp: string | null;
  netlifyClientIp: string | null;
};

const MAX_ADDRESS_CHARS = 64;

/** Canonical text of one address (IPv4-mapped IPv6 unwrapped, IPv6 compressed, port and zone dropped), else null. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let s = raw?.trim();
  if (!s || s.length > MAX_ADDRESS_CHARS) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%[\w.-]+$/, "");
  // Four-part decimal only: "127.1" or "0x7f.0.0.1" are legal to inet_aton but never what a proxy writes.
  if (!ipaddr.IPv4.isValidFourPartDecimal(s) && !ipaddr.IPv6.isValid(s)) return null;
  return ipaddr.process(s).toString();
}

/**
 * With N trusted hops the client is the N-th address from the right of [X-Forwarded-For…, socket]: everything further
 * left was written by the client and proves nothing. A chain shorter than N yields its leftmost entry, which a
 * trusted proxy wrote. Without a socket (no Node server saw the request) the unseen peer counts as the first hop.
 */
export function deriveClientAddress(src: AddressSources, trust: ProxyTrust): string {
  if ("platform" in trust) {
    const value = trust.platform === "vercel" ? (src.realIp ?? lastEntry(src.forwardedFor)) : src.netlifyClientIp;
    return normalizeAddress(value) ?? UNKNOWN_CLIENT;
  }
  const chain: Array<string | null> = [...entries(src.forwardedFor), src.socket];
  const picked = chain[Math.max(0, chain.length - 1 - trust.hops)];
  return normalizeAddress(picked) ?? UNKNOWN_CLIENT;
}

/** True when requests evidently come through a proxy the configuration does not trust (worth one warning). */
export function looksLikeUntrustedProxy(src: AddressSources, trust: ProxyTrust): boolean {
  if (!("hops" in trust) || trust.hops > 0 || !src.forwardedFor) return false;
  const socket = normalizeAddress(src.socket);
  return socket !== null && ["loopback", "private", "uniqueLocal", "linkLocal"].includes(ipaddr.parse(socket).range());
}

/** VIGIL_TRUSTED_PROXIES as validated by lib/env.js, with the platform defaults when it is unset. */
export function proxyTrustFrom(
  setting: number | "vercel" | "netlify" | undefined,
  platform: { vercel: boolean; netlify: boolean },
): ProxyTrust {
  if (typeof setting === "number") return { hops: setting };
  if (setting) return { platform: setting };
  if (platform.vercel) return { platform: "vercel" };
  if (platform.netlify) return { platform: "netlify" };
  return { hops: 0 };
}

function entries(header: string | null): string[] {
  return header
    ? header
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean)
    : [];
}

function lastEntry(header: string | null): string | null {
  return entries(header).at(-1) ?? null;
}
