import { readFileSync } from "node:fs";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { describe, expect, it } from "vitest";

// Next reads the matcher as a literal from the file (it must be static), so the test reads it the same way.
const source = readFileSync(new URL("../../proxy.ts", import.meta.url), "utf8");
const literal = /export const config = \{\s*matcher: (\[.*\]),?\s*\};/s.exec(source)?.[1];
// The formatter may leave a trailing comma in the array, which JSON does not allow.
const matchers = (JSON.parse((literal ?? "[]").replace(/,(\s*\])/, "$1")) as string[]).map((s) =>
  getPathMatch(s, { strict: true }),
);
const matches = (path: string) => matchers.some((m) => m(path) !== false);

describe("proxy matcher", () => {
  // Machine paths gain nothing from it, and a proxy in front of a POST makes Next tee the body (ingest lost ~35 %
  // of its throughput): every API but the admin area's, /metrics, the PostHog relay and assets skip it.
  it.each([
    "/api/v1/vitals",
    "/api/v1/client-errors",
    "/api/v1/csp-reports",
    "/api/v1/heartbeat/abc",
    "/api/v1/e7c",
    "/api/bench/empty",
    "/api/health",
    "/api/auth/session",
    "/api",
    "/metrics",
    "/v1/metrics",
    "/v1/vitals.js",
    "/lantern-r7/e/",
    "/v1/vitals.js",
    "/v1/metrics",
    "/_next/static/chunks/a.js",
  ])("skips %s", (path) => {
    expect(matches(path)).toBe(false);
  });

  // Pages need their nonce policy, and the admin area its gate.
  it.each([
    "/",
    "/login",
    "/no-such-page",
    "/metrics-explained",
    "/apis",
    "/v1x",
    "/admin",
    "/admin/vitals",
    "/api/admin",
    "/api/admin/overview",
  ])("runs for %s", (path) => {
    expect(matches(path)).toBe(true);
  });
});
