import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./address-policy";

// [address, why]: every row is one class of address the SSRF guard must judge.
const PUBLIC: Array<[string, string]> = [
  ["8.8.8.8", "public IPv4"],
  ["1.1.1.1", "public IPv4"],
  ["93.184.216.34", "public IPv4"],
  ["2606:4700:4700::1111", "global unicast IPv6"],
  ["2a00:1450:4001:82b::200e", "global unicast IPv6"],
  ["::ffff:8.8.8.8", "IPv4-mapped, public inside"],
  ["::ffff:0:8.8.8.8", "IPv4-translated, public inside"],
  ["::808:808", "IPv4-compatible, public inside"],
  ["::8.8.8.8", "IPv4-compatible, dotted (ipaddr.js reads it as mapped: same verdict)"],
  ["64:ff9b::808:808", "NAT64 well-known prefix, public inside"],
  ["2002:808:808::1", "6to4, public relay"],
  ["2001:0:4136:e378:8000:63bf:f7f7:f7f7", "Teredo, public server and client (8.8.8.8 inverted)"],
];

const PRIVATE: Array<[string, string]> = [
  // IPv4
  ["127.0.0.1", "loopback"],
  ["127.10.0.1", "loopback"],
  ["10.0.0.1", "RFC 1918"],
  ["172.16.5.4", "RFC 1918"],
  ["192.168.1.1", "RFC 1918"],
  ["169.254.169.254", "link-local (cloud metadata)"],
  ["100.64.0.1", "CGNAT"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "this network"],
  ["224.0.0.1", "multicast"],
  ["255.255.255.255", "broadcast"],
  ["192.0.2.1", "documentation"],
  ["198.51.100.7", "documentation"],
  ["203.0.113.9", "documentation"],
  ["198.18.0.1", "benchmarking"],
  ["240.0.0.1", "reserved"],
  ["192.0.0.8", "IETF protocol assignments"],
  ["2130706433", "loopback written as one number"],
  ["0x7f.1", "loopback in hex shorthand"],
  // IPv6 of its own
  ["::", "unspecified"],
  ["::1", "loopback"],
  ["fe80::1", "link-local"],
  ["fe80::1%eth0", "link-local with a zone"],
  ["2606:4700:4700::1111%eth0", "any address with a zone"],
  ["fc00::1", "unique-local"],
  ["fd00::1", "unique-local"],
  ["fec0::1", "site-local (deprecated)"],
  ["ff02::1", "multicast"],
  ["ff0e::1", "global multicast"],
  ["2001:db8::1", "documentation"],
  ["3fff::1", "documentation (RFC 9637)"],
  ["2001:2::1", "benchmarking"],
  ["100::1", "discard-only"],
  ["5f00::1", "segment routing"],
  ["4000::1", "outside 2000::/3 (unallocated)"],
  ["1::1", "unallocated"],
  // IPv4-mapped and -translated
  ["::ffff:127.0.0.1", "mapped loopback"],
  ["::ffff:7f00:1", "mapped loopback in hex"],
  ["::ffff:10.0.0.1", "mapped RFC 1918"],
  ["::ffff:169.254.169.254", "mapped metadata"],
  ["0:0:0:0:0:ffff:c0a8:0101", "mapped RFC 1918, written out"],
  ["::ffff:0:127.0.0.1", "translated loopback"],
  ["::ffff:0:a00:1", "translated RFC 1918"],
  // IPv4-compatible ::/96: the reported finding
  ["::7f00:1", "compatible loopback"],
  ["::127.0.0.1", "compatible loopback, dotted"],
  ["::a00:1", "compatible RFC 1918"],
  ["::a9fe:a9fe", "compatible metadata"],
  ["0:0:0:0:0:0:c0a8:1", "compatible RFC 1918, written out"],
  ["::2", "compatible 0.0.0.2"],
  ["::ffff:0.0.0.0", "mapped unspecified"],
  ["::ffff:224.0.0.1", "mapped multicast"],
  ["::ffff:198.18.0.1", "mapped benchmarking"],
  // NAT64
  ["64:ff9b::7f00:1", "NAT64 to loopback"],
  ["64:ff9b::a9fe:a9fe", "NAT64 to metadata"],
  ["64:ff9b::10.1.2.3", "NAT64 to RFC 1918"],
  ["64:ff9b:1::808:808", "NAT64 local-use prefix: IPv4 position unknown"],
  ["64:ff9b:1:ffff::1", "NAT64 local-use prefix"],
  // 6to4 and Teredo
  ["2002:7f00:1::1", "6to4 via loopback"],
  ["2002:a9fe:a9fe::1", "6to4 via metadata"],
  ["2002:c0a8:101:1::1", "6to4 via RFC 1918"],
  ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo, client 192.0.2.45 (documentation)"],
  ["2001:0:4136:e378:8000:63bf:80ff:fffe", "Teredo, client 127.0.0.1"],
  ["2001:0:a00:1:8000:63bf:f7f7:f7f7", "Teredo, server 10.0.0.1"],
  // not addresses
  ["not-an-ip", "garbage"],
  ["", "empty"],
  ["[::1]", "bracketed"],
  ["127.0.0.1 ", "trailing space"],
];

describe("isPublicAddress", () => {
  it.each(PUBLIC)("allows %s (%s)", (address) => expect(isPublicAddress(address)).toBe(true));
  it.each(PRIVATE)("refuses %s (%s)", (address) => expect(isPublicAddress(address)).toBe(false));
});
