import { describe, expect, it } from "vitest";
import { hashSecret, newPublicKey, newSecretKey, PUBLIC_KEY, SECRET_KEY, secretHint, secretMatches } from "./keys";

describe("site keys", () => {
  it("makes well-formed, distinct keys", () => {
    const keys = new Set(Array.from({ length: 200 }, newPublicKey));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(PUBLIC_KEY);
    expect(newSecretKey()).toMatch(SECRET_KEY);
  });

  it("matches a secret against its stored hash only, in constant time, and nothing shaped otherwise", () => {
    const secret = newSecretKey();
    const stored = hashSecret(secret);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(newSecretKey(), stored)).toBe(false);
    expect(secretMatches(stored, stored)).toBe(false);
    expect(secretMatches(secret, null)).toBe(false);
    expect(secretMatches("", stored)).toBe(false);
    expect(secretHint(secret)).toBe(secret.slice(-4));
  });
});
