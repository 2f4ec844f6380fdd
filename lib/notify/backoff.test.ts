import { describe, expect, it } from "vitest";
import { DELIVERY_POLICY, retryAfterMs, retryDelayMs } from "./backoff";

const middle = () => 0.5;

describe("retryDelayMs", () => {
  it("doubles from 30 s and stops at 1 h (jitter centred)", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 12].map((n) => retryDelayMs(n, middle) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ]);
  });

  it("spreads each delay by ±20 % and never goes past the cap", () => {
    expect(retryDelayMs(1, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, () => 0.999999)).toBe(36_000);
    expect(retryDelayMs(3, () => 0)).toBe(96_000);
    expect(retryDelayMs(8, () => 0)).toBe(2_880_000);
    expect(retryDelayMs(8, () => 0.999999)).toBe(3_600_000);
    expect(retryDelayMs(100, () => 0.999999)).toBe(3_600_000);
  });

  it("treats nonsense attempt numbers as the first", () => {
    expect(retryDelayMs(0, middle)).toBe(30_000);
    expect(retryDelayMs(-3, middle)).toBe(30_000);
  });

  it("adds up to about 3 hours of retries before a delivery turns dead", () => {
    let total = 0;
    for (let n = 1; n < DELIVERY_POLICY.maxAttempts; n++) total += retryDelayMs(n, middle);
    expect(total / 1000).toBe(30 + 60 + 120 + 240 + 480 + 960 + 1920 + 3600 + 3600);
  });
});

describe("retryAfterMs", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Tue, 01 Dec 2026 10:05:00 GMT", now)).toBe(300_000);
    expect(retryAfterMs("Tue, 01 Dec 2026 09:00:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(retryAfterMs(undefined, now)).toBeNull();
    expect(retryAfterMs("soon", now)).toBeNull();
    expect(retryAfterMs("-5", now)).toBeNull();
  });
});
