import ipaddr from "ipaddr.js";

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3") as [IPv6, number];
const v4At = (b: number[], at: number, flip = 0) => new ipaddr.IPv4([0, 1, 2, 3].map((i) => b[at + i]! ^ flip));

/**
 * IPv6 forms that carry an IPv4 address, and where: the connection ends up at that IPv4 host (through the kernel,
 * a NAT64 gateway or a 6to4/Teredo relay), so it is judged instead. "opaque": an IPv4 at a position only the local
 * network knows (RFC 8215 local-use NAT64 prefixes may be /32 to /96), refused outright.
 */
type Embedding = { range: [IPv6, number]; ipv4: (bytes: number[]) => IPv4[] | "opaque" };
const embedding = (cidr: string, ipv4: Embedding["ipv4"]): Embedding => ({
  range: ipaddr.parseCIDR(cidr) as [IPv6, number],
  ipv4,
});
const EMBEDDINGS: Embedding[] = [
  embedding("::ffff:0:0/96", (b) => [v4At(b, 12)]), // IPv4-mapped
  embedding("::ffff:0:0:0/96", (b) => [v4At(b, 12)]), // IPv4-translated (RFC 6145)
  embedding("::/96", (b) => [v4At(b, 12)]), // IPv4-compatible (deprecated; ::, ::1 land in 0.0.0.0/8)
  embedding("64:ff9b::/96", (b) => [v4At(b, 12)]), // NAT64 well-known prefix (RFC 6052)
  embedding("64:ff9b:1::/48", () => "opaque"), // NAT64 local-use prefix (RFC 8215)
  embedding("2002::/16", (b) => [v4At(b, 2)]), // 6to4: the relay's IPv4 in bits 16–47
  embedding("2001::/32", (b) => [v4At(b, 4), v4At(b, 12, 0xff)]), // Teredo: server, and the client (inverted)
];

const isPublicV4 = (a: IPv4) => a.range() === "unicast";

function isPublicV6(a: IPv6): boolean {
  if (a.zoneId) return false; // scoped addresses only make sense on a local link
  const carried = EMBEDDINGS.find((e) => a.match(e.range));
  if (carried) {
    const inner = carried.ipv4(a.toByteArray());
    return inner !== "opaque" && inner.every(isPublicV4);
  }
  // Only 2000::/3 is allocated as global unicast; ipaddr.js calls anything it has no name for "unicast".
  return a.match(GLOBAL_UNICAST_V6) && a.range() === "unicast";
}

/**
 * True for addresses on the public internet. Everything else — loopback, RFC 1918, link-local (cloud metadata at
 * 169.254.169.254), CGNAT, documentation, benchmarking, unique- and site-local IPv6, multicast, unallocated IPv6 —
 * is private for the SSRF guard; IPv6 forms that embed an IPv4 are judged by that IPv4.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  return parsed.kind() === "ipv4" ? isPublicV4(parsed as IPv4) : isPublicV6(parsed as IPv6);
}
