import { describe, expect, it } from "vitest";
import { findUnstorableText, isStorableText, storableString } from "./storable-text";

describe("isStorableText", () => {
  it.each([
    ["plain", "/blog/[slug]", true],
    ["emoji (a proper surrogate pair)", "main > img 😀", true],
    ["non-Latin", "/ニュース/記事", true],
    ["NUL", "/a\u0000b", false],
    ["lone high surrogate", "x\uD83D", false],
    ["lone low surrogate", "\uDE00y", false],
    ["reversed pair", "\uDE00\uD83D", false],
  ])("%s → %s", (_what, s, ok) => expect(isStorableText(s)).toBe(ok));

  it("is linear on long near-matches", () => {
    const s = `${"\uD83D\uDE00".repeat(200_000)}\uD83D`;
    expect(isStorableText(s)).toBe(false);
  });
});

describe("findUnstorableText", () => {
  it("finds the first bad string anywhere in parsed JSON, keys included", () => {
    expect(findUnstorableText({ a: [1, "ok", { b: "x\u0000" }] })).toBe("a.2.b");
    expect(findUnstorableText(JSON.parse('{"route":"/\\ud800"}'))).toBe("route");
    expect(findUnstorableText({ "k\u0000": 1 })).toBe("(key)");
    expect(findUnstorableText("\u0000")).toBe("(body)");
    expect(findUnstorableText({ v: 1, metrics: [{ name: "LCP", value: 1 }] })).toBeNull();
  });

  it("stops at a depth bound instead of recursing without end", () => {
    let deep: unknown = "ok";
    for (let i = 0; i < 1_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toBe("(too deep)");
  });
});

describe("storableString", () => {
  it("keeps chained bounds and refuses NUL", () => {
    const s = storableString().max(3);
    expect(s.safeParse("abc").success).toBe(true);
    expect(s.safeParse("abcd").success).toBe(false);
    expect(s.safeParse("a\u0000").success).toBe(false);
  });
});
