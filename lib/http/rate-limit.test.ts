import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows a burst of perMinute, then refuses with a retry time, then refills", () => {
    let now = 0;
    const rl = new RateLimiter(3, () => now);
    expect([rl.take("a"), rl.take("a"), rl.take("a")]).toEqual([0, 0, 0]);
    expect(rl.take("a")).toBe(20);
    expect(rl.take("b")).toBe(0);
    now += 20_000;
    expect(rl.take("a")).toBe(0);
    expect(rl.take("a")).toBeGreaterThan(0);
  });
});
