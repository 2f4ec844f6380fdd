import { describe, expect, it } from "vitest";
import { requestSelection, selects } from "./selection";
import { parseSloSpecs } from "./spec";

const sel = (over: Record<string, unknown>) =>
  requestSelection(
    parseSloSpecs([{ id: "s", name: "S", owner: "o", objective: 0.99, kind: "availability", ...over }])[0] as never,
  );

describe("request selection", () => {
  it("takes every application route by default, never static assets", () => {
    const s = sel({});
    expect(s).toEqual({
      routes: [],
      prefix: null,
      methods: [],
      exclude: ["/_next/static", "/_next/image", "(public)"],
    });
    expect(["/", "/api/v1/vitals", "(unmatched)"].map((r) => selects(s, r, "GET"))).toEqual([true, true, true]);
    expect(["/_next/static", "/_next/image", "(public)"].map((r) => selects(s, r, "GET"))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("takes routes under a prefix, or listed routes, of the listed methods", () => {
    const s = sel({ routePrefix: "/api/", routes: ["/login"], methods: ["GET", "POST"] });
    expect(selects(s, "/api/v1/vitals", "POST")).toBe(true);
    expect(selects(s, "/login", "GET")).toBe(true);
    expect(selects(s, "/api/v1/vitals", "DELETE")).toBe(false);
    expect(selects(s, "/admin", "GET")).toBe(false);
  });

  it("counts an asset route only when it is listed by name", () => {
    const s = sel({ routes: ["/_next/image"] });
    expect(s.exclude).toEqual(["/_next/static", "(public)"]);
    expect(selects(s, "/_next/image", "GET")).toBe(true);
  });
});
