import { describe, expect, it } from "vitest";
import { LoginInput, safeCallbackPath, sameOriginPath } from "./login-input";

describe("LoginInput", () => {
  it("normalises the email and accepts a normal pair", () => {
    expect(LoginInput.parse({ email: "Admin@Example.COM", password: "x" })).toEqual({
      email: "admin@example.com",
      password: "x",
    });
  });

  it.each([
    [{}, "missing fields"],
    [{ email: "not-an-email", password: "x" }, "bad email"],
    [{ email: "a@b.co", password: "" }, "empty password"],
    [{ email: "a@b.co", password: "x".repeat(201) }, "password over 200 chars"],
    [{ email: `${"a".repeat(250)}@b.co`, password: "x" }, "email over 254 chars"],
    [{ email: ["a@b.co"], password: "x" }, "array email"],
    [{ email: "a@b.co", password: 12345 }, "numeric password"],
  ])("rejects %j (%s)", (input, _why) => {
    expect(LoginInput.safeParse(input).success).toBe(false);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/admin/slos?window=7d", "/admin/slos?window=7d"],
    ["/admin/vitals?metric=LCP#chart", "/admin/vitals?metric=LCP#chart"],
    ["/admin/../admin/uptime", "/admin/uptime"],
    ["/admin/a b", "/admin/a%20b"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/login?callbackUrl=/x", "/admin"],
    ["/api/auth/signout", "/admin"],
    [undefined, "/admin"],
    [42, "/admin"],
    [`/${"a".repeat(600)}`, "/admin"],
  ])("%j → %s", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  // Each of these, used as a Location, takes a browser to evil.example.
  it.each([
    ["https://evil.example/admin"],
    ["//evil.example"],
    ["/\\evil.example"],
    ["\\/evil.example"],
    ["\\\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["/\r\n/evil.example"],
    ["\t//evil.example"],
    [" //evil.example"],
    ["/\t\\evil.example"],
    ["/.//evil.example"],
    ["/..//evil.example"],
    ["/admin/..//evil.example"],
    ["https:evil.example"],
    ["https:/evil.example"],
    ["https:\\\\evil.example"],
    ["HTTPS://EVIL.EXAMPLE"],
    ["http://vigil.invalid@evil.example/"],
    ["javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["//evil.example/%2e%2e"],
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/admin");
  });
});

describe("sameOriginPath against the app's origin (next-auth's redirect callback)", () => {
  const origin = "http://127.0.0.1:3000";
  it("keeps paths and absolute URLs of the same origin, as a path", () => {
    expect(sameOriginPath("/login?signedOut=1", origin)).toBe("/login?signedOut=1");
    expect(sameOriginPath("http://127.0.0.1:3000/admin/uptime?x=1", origin)).toBe("/admin/uptime?x=1");
  });
  it.each([
    ["http://127.0.0.1:3001/admin"],
    ["https://127.0.0.1:3000/admin"],
    ["http://127.0.0.1:3000.evil.example/"],
    ["/\t/evil.example"],
    ["/.//evil.example"],
  ])("refuses %j", (raw) => {
    expect(sameOriginPath(raw, origin)).toBeNull();
  });
});
