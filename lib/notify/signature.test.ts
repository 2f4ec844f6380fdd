import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signatureHeader, verifySignature } from "./signature";

const SECRET = "whsec_test_secret_0123";
const BODY = '{"a":1}';
// printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test_secret_0123'
const EXPECTED = "b1e06771f9a20c020fc4b9be257996790d615bbe4d030159b6a5669fdada024c";

describe("signatureHeader", () => {
  it("is t=<unix>,v1=<HMAC-SHA256 hex of '<t>.<body>'>, matching openssl", () => {
    expect(signatureHeader(SECRET, BODY, 1_700_000_000)).toBe(`t=1700000000,v1=${EXPECTED}`);
  });
});

describe("verifySignature", () => {
  const header = `t=1700000000,v1=${EXPECTED}`;
  it("accepts the right secret within the tolerance", () => {
    expect(verifySignature(SECRET, BODY, header, 1_700_000_000)).toEqual({ ok: true, timestamp: 1_700_000_000 });
    expect(verifySignature(SECRET, BODY, header, 1_700_000_300)).toMatchObject({ ok: true });
    expect(verifySignature(SECRET, BODY, header, 1_699_999_700)).toMatchObject({ ok: true });
  });

  it("refuses another secret, a changed body, and a moved timestamp", () => {
    expect(verifySignature("whsec_some_other_secret", BODY, header, 1_700_000_000)).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifySignature(SECRET, '{"a":2}', header, 1_700_000_000)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(SECRET, BODY, `t=1700000001,v1=${EXPECTED}`, 1_700_000_000)).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("refuses stale or future timestamps (replays)", () => {
    expect(verifySignature(SECRET, BODY, header, 1_700_000_301)).toEqual({ ok: false, reason: "stale" });
    expect(verifySignature(SECRET, BODY, header, 1_699_999_699)).toEqual({ ok: false, reason: "stale" });
  });

  it("refuses malformed headers without throwing", () => {
    for (const bad of [
      null,
      "",
      "v1=abc",
      `t=abc,v1=${EXPECTED}`,
      "t=1700000000",
      "t=1700000000,v1=zz",
      `t=1700000000,v1=${EXPECTED.slice(2)}`,
      "x".repeat(2000),
    ]) {
      expect(verifySignature(SECRET, BODY, bad, 1_700_000_000)).toEqual({ ok: false, reason: "malformed" });
    }
  });

  it("accepts any of several v1 signatures (secret rotation)", () => {
    expect(
      verifySignature(SECRET, BODY, `t=1700000000, v1=${"0".repeat(64)}, v1=${EXPECTED}`, 1_700_000_000),
    ).toMatchObject({ ok: true });
  });
});

describe("generateWebhookSecret", () => {
  it("makes distinct 256-bit secrets that fit the column", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(generateWebhookSecret());
  });
});
