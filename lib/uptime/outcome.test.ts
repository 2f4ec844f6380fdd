import { describe, expect, it } from "vitest";
import { evaluateProbe } from "./outcome";

const expectOk = { expectedStatus: 200, bodyContains: null };
const answer = (status: number, body = "", truncated = false) => ({ answer: { status, body, truncated } });

describe("evaluateProbe", () => {
  it("passes when the status matches and, if asked, the body holds the substring", () => {
    expect(evaluateProbe(expectOk, answer(200, "hi"), 12.345)).toEqual({
      ok: true,
      statusCode: 200,
      latencyMs: 12.3,
      error: null,
    });
    expect(evaluateProbe({ expectedStatus: 204, bodyContains: null }, answer(204), 3)).toMatchObject({
      ok: true,
      statusCode: 204,
    });
    expect(
      evaluateProbe({ expectedStatus: 200, bodyContains: '"status":"ready"' }, answer(200, '{"status":"ready"}'), 8),
    ).toMatchObject({ ok: true });
  });

  it("fails on another status, even a success one, and says what it expected", () => {
    expect(evaluateProbe(expectOk, answer(503, "down"), 40)).toEqual({
      ok: false,
      statusCode: 503,
      latencyMs: 40,
      error: "Expected HTTP 200, got 503",
    });
    expect(evaluateProbe(expectOk, answer(201), 40)).toMatchObject({ ok: false, error: "Expected HTTP 200, got 201" });
    // A redirect the client did not follow (e.g. too many) is judged as the 3xx it is.
    expect(evaluateProbe({ expectedStatus: 301, bodyContains: null }, answer(301), 5)).toMatchObject({ ok: true });
  });

  it("fails when the body lacks the substring (case-sensitive), and says when only part of the body was read", () => {
    expect(evaluateProbe({ expectedStatus: 200, bodyContains: "Welcome" }, answer(200, "welcome"), 9)).toEqual({
      ok: false,
      statusCode: 200,
      latencyMs: 9,
      error: 'HTTP 200, but the body does not contain "Welcome"',
    });
    const big = "x".repeat(64 * 1024);
    expect(evaluateProbe({ expectedStatus: 200, bodyContains: "footer" }, answer(200, big, true), 9).error).toBe(
      'HTTP 200, but the body does not contain "footer" in its first 64 KB',
    );
  });

  it("turns errors before an answer into failures without status or latency, with a readable reason", () => {
    expect(
      evaluateProbe(expectOk, { failure: { code: "timeout", message: "no complete answer within 5000 ms" } }, 5001),
    ).toEqual({
      ok: false,
      statusCode: null,
      latencyMs: null,
      error: "Timeout: no complete answer within 5000 ms",
    });
    expect(evaluateProbe(expectOk, { failure: { code: "network", message: "ECONNREFUSED" } }, 1).error).toBe(
      "Network error: ECONNREFUSED",
    );
    expect(
      evaluateProbe(
        expectOk,
        { failure: { code: "blocked_address", message: "10.0.0.5 resolves to a private or reserved address" } },
        1,
      ).error,
    ).toMatch(/^Blocked by the SSRF guard: 10\.0\.0\.5/);
    expect(
      evaluateProbe(expectOk, { failure: { code: "dns", message: "cannot resolve nowhere.invalid: ENOTFOUND" } }, 1)
        .error,
    ).toBe("DNS error: cannot resolve nowhere.invalid: ENOTFOUND");
  });

  it("keeps reasons within the 500 characters the column holds", () => {
    const error = evaluateProbe(expectOk, { failure: { code: "network", message: "e".repeat(2000) } }, 1).error!;
    expect(error).toHaveLength(500);
    expect(error.endsWith("…")).toBe(true);
  });
});
