import { describe, expect, it } from "vitest";
import { RequestsQuery, RequestsSearchParams, requestsHref } from "./search-params";

describe("RequestsSearchParams (page)", () => {
  it("defaults to 24 h without filters", () => {
    expect(RequestsSearchParams.parse({})).toEqual({ window: "24h" });
  });
  it("accepts valid values, upper-cases methods and falls back on junk", () => {
    expect(RequestsSearchParams.parse({ window: "7d", route: "/blog/[slug]", method: "post" })).toEqual({
      window: "7d",
      route: "/blog/[slug]",
      method: "POST",
    });
    expect(RequestsSearchParams.parse({ route: "(unmatched)" }).route).toBe("(unmatched)");
    expect(RequestsSearchParams.parse({ window: "1y", route: "javascript:alert(1)", method: "G E T" })).toEqual({
      window: "24h",
    });
    expect(RequestsSearchParams.parse({ window: ["1h", "7d"], route: "", method: "" })).toEqual({ window: "1h" });
  });
  it("builds short URLs that round-trip", () => {
    const base = RequestsSearchParams.parse({});
    expect(requestsHref(base, {})).toBe("/admin/requests");
    const href = requestsHref(base, { window: "1h", route: "/api/v1/vitals", method: "POST" });
    expect(href).toBe("/admin/requests?window=1h&route=%2Fapi%2Fv1%2Fvitals&method=POST");
    expect(RequestsSearchParams.parse(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual({
      window: "1h",
      route: "/api/v1/vitals",
      method: "POST",
    });
  });
});

describe("RequestsQuery (API)", () => {
  it("accepts the same values and rejects junk instead of guessing", () => {
    expect(RequestsQuery.parse({ window: "30d", method: "get" })).toEqual({ window: "30d", method: "GET" });
    expect(RequestsQuery.parse({})).toEqual({ window: "24h" });
    expect(RequestsQuery.safeParse({ window: "1y" }).success).toBe(false);
    expect(RequestsQuery.safeParse({ route: "x".repeat(300) }).success).toBe(false);
    expect(RequestsQuery.safeParse({ method: "DROP TABLE" }).success).toBe(false);
  });
});
