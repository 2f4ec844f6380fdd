import { describe, expect, it } from "vitest";
import { LoginInput, safeCallbackPath } from "./login-input";

describe("LoginInput", () => {
  it("normalises the email and accepts a normal pair", () => {
    expect(LoginInput.parse({ email: "Admin@Example.COM", password: "x" })).toEqual({ email: "admin@example.com", password: "x" });
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
    ["https://evil.example/admin", "/admin"],
    ["//evil.example", "/admin"],
    ["/\\evil.example", "/admin"],
    ["/login?callbackUrl=/x", "/admin"],
    ["/api/auth/signout", "/admin"],
    [undefined, "/admin"],
    [42, "/admin"],
    [`/${"a".repeat(600)}`, "/admin"],
  ])("%j → %s", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });
});
