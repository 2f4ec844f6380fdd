import { describe, expect, it } from "vitest";
import {
  deriveClientAddress,
  looksLikeUntrustedProxy,
  normalizeAddress,
  proxyTrustFrom,
  UNKNOWN_CLIENT,
  type AddressSources,
} from "./client-address";

const src = (over: Partial<AddressSources>): AddressSources => ({
  socket: null,
  forwardedFor: null,
  realIp: null,
  netlifyClientIp: null,
  ...over,
});

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:CB00:7107", "203.0.113.7"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["::1", "::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["203.0.113.7:51234", "203.0.113.7"],
    ["[2001:db8::1]:443", "2001:db8::1"],
  ])("%j → %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each([
    ["garbage"],
    [""],
    ["   "],
    ["1.2.3.256"],
    ["127.1"],
    ["0x7f.0.0.1"],
    ["01.2.3.4"],
    ["1.2.3.4.5"],
    ["unknown"],
    ["<script>"],
    ["1".repeat(80)],
    ["2001:db8::1::2"],
    [null],
    [undefined],
  ])("refuses %j", (raw) => {
    expect(normalizeAddress(raw)).toBeNull();
  });
});

describe("deriveClientAddress with trusted hops", () => {
  it("ignores X-Forwarded-For entirely when no proxy is trusted (a directly exposed server)", () => {
    expect(deriveClientAddress(src({ socket: "198.51.100.20", forwardedFor: "203.0.113.7" }), { hops: 0 })).toBe(
      "198.51.100.20",
    );
    expect(
      deriveClientAddress(src({ socket: "::ffff:198.51.100.20", forwardedFor: "1.1.1.1, 2.2.2.2" }), { hops: 0 }),
    ).toBe("198.51.100.20");
  });

  it("takes the entry the trusted proxy appended, not what the client wrote before it", () => {
    // nginx on 10.0.0.2 appends the peer it saw (198.51.100.20); "6.6.6.6" was sent by the client.
    const spoofed = src({ socket: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.20" });
    expect(deriveClientAddress(spoofed, { hops: 1 })).toBe("198.51.100.20");
    const twoProxies = src({ socket: "10.0.0.3", forwardedFor: "6.6.6.6, 198.51.100.20, 10.0.0.2" });
    expect(deriveClientAddress(twoProxies, { hops: 2 })).toBe("198.51.100.20");
  });

  it("keeps IPv6 peers and entries canonical", () => {
    expect(deriveClientAddress(src({ socket: "2001:db8::2", forwardedFor: "2001:DB8:0::7" }), { hops: 1 })).toBe(
      "2001:db8::7",
    );
    expect(deriveClientAddress(src({ socket: "::1" }), { hops: 0 })).toBe("::1");
  });

  it("uses the leftmost entry when the chain is shorter than the trusted hops (every entry came from a trusted proxy)", () => {
    expect(deriveClientAddress(src({ socket: "10.0.0.2", forwardedFor: "198.51.100.20" }), { hops: 5 })).toBe(
      "198.51.100.20",
    );
    expect(deriveClientAddress(src({ socket: "10.0.0.2" }), { hops: 3 })).toBe("10.0.0.2");
  });

  it("answers unknown for a garbage entry at the trusted position instead of looking further left", () => {
    expect(deriveClientAddress(src({ socket: "10.0.0.2", forwardedFor: "203.0.113.7, not-an-ip" }), { hops: 1 })).toBe(
      UNKNOWN_CLIENT,
    );
    expect(deriveClientAddress(src({ socket: "10.0.0.2", forwardedFor: "203.0.113.7,,  " }), { hops: 1 })).toBe(
      "203.0.113.7",
    );
    expect(deriveClientAddress(src({ socket: null }), { hops: 0 })).toBe(UNKNOWN_CLIENT);
  });

  it("without a socket (no Node server saw the request) counts the unseen peer as the first hop", () => {
    expect(deriveClientAddress(src({ forwardedFor: "6.6.6.6" }), { hops: 0 })).toBe(UNKNOWN_CLIENT);
    expect(deriveClientAddress(src({ forwardedFor: "6.6.6.6, 198.51.100.20" }), { hops: 1 })).toBe("198.51.100.20");
  });

  it("bounds the work on a huge header", () => {
    const forwardedFor = `${Array.from({ length: 2000 }, (_, i) => `10.${i >> 8}.${i & 255}.1`).join(", ")}, 198.51.100.20`;
    expect(deriveClientAddress(src({ socket: "10.0.0.2", forwardedFor }), { hops: 1 })).toBe("198.51.100.20");
  });
});

describe("deriveClientAddress on platforms", () => {
  it("Vercel: x-real-ip (Vercel overwrites it and X-Forwarded-For on every request)", () => {
    expect(
      deriveClientAddress(src({ socket: "127.0.0.1", realIp: "203.0.113.7", forwardedFor: "203.0.113.7" }), {
        platform: "vercel",
      }),
    ).toBe("203.0.113.7");
    expect(deriveClientAddress(src({ forwardedFor: "203.0.113.8" }), { platform: "vercel" })).toBe("203.0.113.8");
  });

  it("Netlify: x-nf-client-connection-ip only", () => {
    expect(
      deriveClientAddress(src({ netlifyClientIp: "2001:db8::9", forwardedFor: "6.6.6.6", realIp: "6.6.6.6" }), {
        platform: "netlify",
      }),
    ).toBe("2001:db8::9");
    expect(deriveClientAddress(src({ forwardedFor: "6.6.6.6", realIp: "6.6.6.6" }), { platform: "netlify" })).toBe(
      UNKNOWN_CLIENT,
    );
  });
});

describe("proxyTrustFrom", () => {
  const none = { vercel: false, netlify: false };
  it("defaults to no trusted proxy, and to the platform's header on Vercel and Netlify", () => {
    expect(proxyTrustFrom(undefined, none)).toEqual({ hops: 0 });
    expect(proxyTrustFrom(undefined, { vercel: true, netlify: false })).toEqual({ platform: "vercel" });
    expect(proxyTrustFrom(undefined, { vercel: false, netlify: true })).toEqual({ platform: "netlify" });
  });
  it("lets the setting win over the platform default", () => {
    expect(proxyTrustFrom(0, { vercel: true, netlify: false })).toEqual({ hops: 0 });
    expect(proxyTrustFrom(2, none)).toEqual({ hops: 2 });
    expect(proxyTrustFrom("netlify", none)).toEqual({ platform: "netlify" });
  });
});

describe("looksLikeUntrustedProxy", () => {
  it("flags forwarded requests from a private peer while no hop is trusted", () => {
    expect(looksLikeUntrustedProxy(src({ socket: "127.0.0.1", forwardedFor: "203.0.113.7" }), { hops: 0 })).toBe(true);
    expect(looksLikeUntrustedProxy(src({ socket: "::ffff:10.1.2.3", forwardedFor: "203.0.113.7" }), { hops: 0 })).toBe(
      true,
    );
  });
  it("stays quiet for public peers, unforwarded requests and configured trust", () => {
    expect(looksLikeUntrustedProxy(src({ socket: "198.51.100.20", forwardedFor: "203.0.113.7" }), { hops: 0 })).toBe(
      false,
    );
    expect(looksLikeUntrustedProxy(src({ socket: "127.0.0.1" }), { hops: 0 })).toBe(false);
    expect(looksLikeUntrustedProxy(src({ socket: "127.0.0.1", forwardedFor: "203.0.113.7" }), { hops: 1 })).toBe(false);
  });
});
