import { describe, expect, it } from "vitest";
import { canonicalOrigin, originAllowed } from "./origins";

describe("site origins", () => {
  it("canonicalises http(s) origins and refuses anything else", () => {
    expect(canonicalOrigin("https://Shop.Example")).toBe("https://shop.example");
    expect(canonicalOrigin("https://shop.example:443/")).toBe("https://shop.example");
    expect(canonicalOrigin("http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
    expect(canonicalOrigin("*")).toBe("*");
    for (const bad of [
      "shop.example",
      "ftp://x.example",
      "https://x.example/path",
      "https://u:p@x.example",
      "https://x.example?q",
      "",
      "javascript:alert(1)",
    ])
      expect(canonicalOrigin(bad), bad).toBeNull();
  });

  it("allows listed origins only, any origin with *, and requests without an Origin header", () => {
    const allowed = ["https://shop.example", "http://127.0.0.1:3000"];
    expect(originAllowed("https://shop.example", allowed)).toBe(true);
    expect(originAllowed("https://SHOP.example:443", allowed)).toBe(true);
    expect(originAllowed("https://evil.example", allowed)).toBe(false);
    expect(originAllowed("https://shop.example.evil.example", allowed)).toBe(false);
    expect(originAllowed("null", allowed)).toBe(false);
    expect(originAllowed(null, allowed)).toBe(true);
    expect(originAllowed("https://anything.example", ["*"])).toBe(true);
    expect(originAllowed("https://shop.example", [])).toBe(false);
  });
});
