import { describe, expect, it } from "vitest";
import { VITALS_SCRIPT, VITALS_SCRIPT_ETAG } from "@vigil/next/script";
import { etagMatches, vitalsScriptResponse } from "./script-response";

describe("GET /v1/vitals.js", () => {
  it("serves the script as JavaScript any origin may load, cached and validated by ETag", async () => {
    const res = vitalsScriptResponse(null);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("etag")).toBe(VITALS_SCRIPT_ETAG);
    expect(await res.text()).toBe(VITALS_SCRIPT);
    expect(VITALS_SCRIPT).toContain("/api/v1/vitals");
  });

  it("answers 304 without a body to a browser that holds the same version", async () => {
    const res = vitalsScriptResponse(`"stale", W/${VITALS_SCRIPT_ETAG}`);
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("etag")).toBe(VITALS_SCRIPT_ETAG);
  });

  it("compares entity tags weakly and honours *", () => {
    expect(etagMatches('"a"', '"a"')).toBe(true);
    expect(etagMatches('W/"a"', '"a"')).toBe(true);
    expect(etagMatches('"b", "a"', '"a"')).toBe(true);
    expect(etagMatches("*", '"a"')).toBe(true);
    expect(etagMatches('"b"', '"a"')).toBe(false);
    expect(etagMatches("", '"a"')).toBe(false);
    expect(etagMatches(null, '"a"')).toBe(false);
  });
});
