import { describe, expect, it } from "vitest";
import { LoginThrottle } from "./login-throttle";

describe("LoginThrottle", () => {
  const make = () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle({ maxFailures: 3, windowMs: 60_000 }, () => now);
    return { throttle, advance: (ms: number) => (now += ms) };
  };

  it("allows attempts until the limit, then blocks until the oldest failure leaves the window", () => {
    const { throttle, advance } = make();
    throttle.recordFailure("ip:a");
    advance(10_000);
    throttle.recordFailure("ip:a");
    expect(throttle.retryAfterMs("ip:a")).toBe(0);
    advance(10_000);
    throttle.recordFailure("ip:a");
    expect(throttle.retryAfterMs("ip:a")).toBe(40_000);
    advance(39_999);
    expect(throttle.retryAfterMs("ip:a")).toBe(1);
    advance(1);
    expect(throttle.retryAfterMs("ip:a")).toBe(0);
  });

  it("keeps keys apart and forgets a key on reset", () => {
    const { throttle } = make();
    for (let i = 0; i < 3; i++) throttle.recordFailure("ip:a");
    expect(throttle.retryAfterMs("ip:b")).toBe(0);
    expect(throttle.retryAfterMs("ip:a")).toBeGreaterThan(0);
    throttle.reset("ip:a");
    expect(throttle.retryAfterMs("ip:a")).toBe(0);
  });

  it("bounds memory by evicting the oldest key", () => {
    const throttle = new LoginThrottle({ maxFailures: 1, windowMs: 60_000, maxKeys: 2 });
    ["a", "b", "c"].forEach((k) => throttle.recordFailure(k));
    expect(throttle.retryAfterMs("a")).toBe(0);
    expect(throttle.retryAfterMs("c")).toBeGreaterThan(0);
  });
});
