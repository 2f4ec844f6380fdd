import { describe, expect, it } from "vitest";
import { LoginThrottle, LOGIN_POLICY, type ThrottlePolicy } from "./login-throttle";

const OWNER = "admin@vigil.local";

function make(policy: Partial<ThrottlePolicy> = {}) {
  let now = 1_000_000;
  const throttle = new LoginThrottle({ ...LOGIN_POLICY, ...policy }, () => now);
  /** One wrong password: the attempt is reserved, then left counted as a failure. */
  const fail = (address: string, email = OWNER) => throttle.attempt(address, email).ok;
  return { throttle, fail, advance: (ms: number) => (now += ms) };
}

describe("LoginThrottle", () => {
  it("lets the owner in from another address while an attacker hammers the email from one", () => {
    const { throttle, fail, advance } = make();
    for (let i = 0; i < 200; i++) {
      fail("203.0.113.66");
      advance(500);
    }
    expect(throttle.retryAfterMs("203.0.113.66", OWNER)).toBeGreaterThan(0);
    expect(throttle.retryAfterMs("198.51.100.7", OWNER)).toBe(0);
    expect(throttle.attempt("198.51.100.7", OWNER).ok).toBe(true);
  });

  it("lets the owner in while a botnet spends every address's free failures on the email", () => {
    const { throttle, fail } = make();
    for (let bot = 0; bot < 500; bot++) for (let i = 0; i < 3; i++) fail(`10.0.${bot >> 8}.${bot & 255}`);
    expect(throttle.retryAfterMs("198.51.100.7", OWNER)).toBe(0);
  });

  it("slows one address guessing one email with waits that double, up to the cap", () => {
    const { throttle, advance } = make();
    const waits: number[] = [];
    for (let i = 0; i < 16; i++) {
      const wait = throttle.retryAfterMs("203.0.113.66", OWNER);
      waits.push(wait);
      advance(wait);
      expect(throttle.attempt("203.0.113.66", OWNER).ok).toBe(true);
    }
    const s = 1_000;
    expect(waits).toEqual([
      0,
      0,
      0,
      s,
      2 * s,
      4 * s,
      8 * s,
      16 * s,
      32 * s,
      64 * s,
      128 * s,
      256 * s,
      512 * s,
      900 * s,
      900 * s,
      900 * s,
    ]);
  });

  it("refuses without lengthening the wait while one applies", () => {
    const { throttle, fail, advance } = make();
    for (let i = 0; i < 5; i++) fail("a");
    expect(throttle.retryAfterMs("a", OWNER)).toBe(1_000);
    advance(400);
    expect(throttle.attempt("a", OWNER)).toEqual({ ok: false, retryAfterMs: 600 });
    expect(throttle.retryAfterMs("a", OWNER)).toBe(600);
  });

  it("caps one address across emails (password spraying) until its failures leave the window", () => {
    const { throttle, fail, advance } = make({ maxFailuresPerAddress: 5, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) {
      fail("203.0.113.66", `user${i}@example.com`);
      advance(1_000);
    }
    expect(throttle.retryAfterMs("203.0.113.66", "fresh@example.com")).toBe(55_000);
    expect(throttle.retryAfterMs("198.51.100.7", "fresh@example.com")).toBe(0);
    advance(55_000);
    expect(throttle.retryAfterMs("203.0.113.66", "fresh@example.com")).toBe(0);
  });

  it("counts parallel attempts before their passwords are checked, so a burst cannot skip the waits", () => {
    const { throttle } = make();
    const burst = Array.from({ length: 20 }, () => throttle.attempt("203.0.113.66", OWNER));
    expect(burst.filter((a) => a.ok)).toHaveLength(3);
  });

  it("ends the streak on success without resetting the address cap, and takes back abandoned attempts", () => {
    const { throttle, fail } = make({ maxFailuresPerAddress: 5 });
    for (let i = 0; i < 3; i++) fail("a");
    for (let i = 0; i < 1; i++) fail("a", "other@example.com");
    expect(throttle.retryAfterMs("a", OWNER)).toBe(1_000);
    // The attacker signs in to an account of their own from the same address: their guesses at OWNER still count.
    const own = throttle.attempt("a", "mine@example.com");
    expect(own.ok).toBe(true);
    if (own.ok) own.succeeded();
    expect(throttle.retryAfterMs("a", OWNER)).toBe(1_000);
    fail("a", "third@example.com");
    expect(throttle.retryAfterMs("a", "mine@example.com")).toBeGreaterThan(0);

    const { throttle: t2, fail: fail2 } = make();
    for (let i = 0; i < 3; i++) fail2("b");
    const checkFailed = t2.attempt("c", OWNER);
    if (checkFailed.ok) checkFailed.abandoned();
    expect(t2.retryAfterMs("c", OWNER)).toBe(0);
    const owner = t2.attempt("b", OWNER);
    expect(owner.ok).toBe(false);
  });

  it("forgets a streak after its memory and bounds the keys it keeps", () => {
    const { throttle, fail, advance } = make({ streakMemoryMs: 60_000, maxKeys: 2 });
    for (let i = 0; i < 3; i++) fail("a");
    advance(60_000);
    expect(throttle.retryAfterMs("a", OWNER)).toBe(0);
    for (const address of ["b", "c", "d"]) for (let i = 0; i < 3; i++) fail(address);
    expect(throttle.retryAfterMs("b", OWNER)).toBe(0);
    expect(throttle.retryAfterMs("d", OWNER)).toBeGreaterThan(0);
  });
});
