import { describe, expect, it } from "vitest";
import { DELIVERY_POLICY } from "./backoff";
import { describeFailure, nextStep, verdictOf, type SendResult } from "./outcome";

const response = (status: number, extra: Partial<Extract<SendResult, { kind: "response" }>> = {}): SendResult => ({
  kind: "response",
  status,
  ...extra,
});
const failure = (code: Extract<SendResult, { kind: "error" }>["code"], message = "x"): SendResult => ({
  kind: "error",
  code,
  message,
});
const now = new Date("2026-12-01T10:00:00Z");
const middle = () => 0.5;

describe("verdictOf", () => {
  it.each([
    [200, "delivered"],
    [204, "delivered"],
    [299, "delivered"],
    [500, "transient"],
    [502, "transient"],
    [503, "transient"],
    [599, "transient"],
    [408, "transient"],
    [425, "transient"],
    [429, "transient"],
    [400, "permanent"],
    [401, "permanent"],
    [403, "permanent"],
    [404, "permanent"],
    [413, "permanent"],
    [422, "permanent"],
    [301, "permanent"],
    [302, "permanent"],
    [307, "permanent"],
    [100, "permanent"],
    [410, "fatal"],
  ] as const)("HTTP %i is %s", (status, verdict) => {
    expect(verdictOf(response(status))).toBe(verdict);
  });

  it("judges failures before a response", () => {
    expect(verdictOf(failure("timeout"))).toBe("transient");
    expect(verdictOf(failure("network"))).toBe("transient");
    expect(verdictOf(failure("dns"))).toBe("transient");
    expect(verdictOf(failure("too_many_redirects"))).toBe("transient");
    expect(verdictOf(failure("blocked_address"))).toBe("permanent");
    expect(verdictOf(failure("bad_url"))).toBe("fatal");
  });
});

describe("nextStep", () => {
  it("marks a 2xx delivered", () => {
    expect(nextStep(response(201), 4, now, middle)).toEqual({ outcome: "delivered", lastStatus: 201 });
  });

  it("retries transient failures on the backoff schedule until the last attempt, then gives up", () => {
    expect(nextStep(response(500, { body: "boom" }), 1, now, middle)).toEqual({
      outcome: "retry",
      lastStatus: 500,
      error: "HTTP 500: boom",
      nextAttemptAt: new Date("2026-12-01T10:00:30Z"),
    });
    expect(nextStep(failure("timeout", "no complete answer within 10000 ms"), 3, now, middle)).toEqual({
      outcome: "retry",
      lastStatus: null,
      error: "timeout: no complete answer within 10000 ms",
      nextAttemptAt: new Date("2026-12-01T10:02:00Z"),
    });
    expect(nextStep(response(503), DELIVERY_POLICY.maxAttempts - 1, now, middle)).toMatchObject({ outcome: "retry" });
    expect(nextStep(response(503), DELIVERY_POLICY.maxAttempts, now, middle)).toEqual({
      outcome: "dead",
      lastStatus: 503,
      error: "HTTP 503",
    });
  });

  it("gives permanent-looking errors three tries and fatal ones one", () => {
    expect(nextStep(response(404), 1, now, middle)).toMatchObject({ outcome: "retry", lastStatus: 404 });
    expect(nextStep(response(404), 2, now, middle)).toMatchObject({ outcome: "retry" });
    expect(nextStep(response(404), 3, now, middle)).toEqual({ outcome: "dead", lastStatus: 404, error: "HTTP 404" });
    expect(nextStep(failure("blocked_address", "h resolves to a private address"), 3, now, middle)).toMatchObject({
      outcome: "dead",
      lastStatus: null,
    });
    expect(nextStep(response(410, { body: "channel_is_archived" }), 1, now, middle)).toEqual({
      outcome: "dead",
      lastStatus: 410,
      error: "HTTP 410: channel_is_archived",
    });
    expect(nextStep(failure("bad_url", "not a valid URL"), 1, now, middle)).toEqual({
      outcome: "dead",
      lastStatus: null,
      error: "bad_url: not a valid URL",
    });
  });

  it("waits at least as long as Retry-After asks, up to the 1 h cap", () => {
    expect(nextStep(response(429, { retryAfter: "600" }), 1, now, middle)).toMatchObject({
      nextAttemptAt: new Date("2026-12-01T10:10:00Z"),
    });
    // Shorter than the backoff: the backoff wins.
    expect(nextStep(response(429, { retryAfter: "5" }), 1, now, middle)).toMatchObject({
      nextAttemptAt: new Date("2026-12-01T10:00:30Z"),
    });
    expect(nextStep(response(503, { retryAfter: "86400" }), 1, now, middle)).toMatchObject({
      nextAttemptAt: new Date("2026-12-01T11:00:00Z"),
    });
  });
});

describe("describeFailure", () => {
  it("keeps the receiver's words short and on one line", () => {
    expect(describeFailure(response(400, { body: "invalid_payload\n\n  missing text" }))).toBe(
      "HTTP 400: invalid_payload missing text",
    );
    expect(describeFailure(response(500, { body: "x".repeat(1000) }))).toBe(`HTTP 500: ${"x".repeat(200)}`);
    expect(describeFailure(failure("network", "y".repeat(1000))).length).toBe(500);
  });
});

describe("SMTP replies", () => {
  const smtp = (code: number, message = "x"): SendResult => ({ kind: "smtp", code, message });
  it.each([
    [250, "delivered"],
    [421, "transient"],
    [450, "transient"],
    [452, "transient"],
    [535, "permanent"],
    [550, "permanent"],
    [554, "permanent"],
  ] as const)("%i is %s", (code, verdict) => {
    expect(verdictOf(smtp(code))).toBe(verdict);
  });

  it("a 4xx gets the full schedule, a 5xx a few tries, and both keep the SMTP code and words", () => {
    const busy = nextStep(smtp(451, "Try again\n later"), 1, now, middle);
    expect(busy).toEqual({
      outcome: "retry",
      lastStatus: 451,
      error: "SMTP 451: Try again later",
      nextAttemptAt: new Date(now.getTime() + 30_000),
    });
    expect(nextStep(smtp(451), DELIVERY_POLICY.maxAttempts - 1, now, middle).outcome).toBe("retry");
    expect(nextStep(smtp(550), 1, now, middle).outcome).toBe("retry");
    expect(nextStep(smtp(550), DELIVERY_POLICY.maxPermanentAttempts, now, middle)).toMatchObject({
      outcome: "dead",
      lastStatus: 550,
    });
    expect(nextStep(smtp(250), 1, now, middle)).toEqual({ outcome: "delivered", lastStatus: 250 });
  });
});
