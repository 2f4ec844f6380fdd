import ipaddr from "ipaddr.js";

/**
 * True for addresses on the public internet. Everything else — loopback, RFC 1918, link-local (cloud metadata at
 * 169.254.169.254), CGNAT, unique-local IPv6, multicast, and IPv6 forms that embed IPv4 (mapped, 6to4, NAT64,
 * Teredo) — is private for the SSRF guard.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns ::ffff:a.b.c.d into a.b.c.d, so a mapped loopback is judged as loopback.
  return ipaddr.process(address).range() === "unicast";
}
