import { describe, expect, it } from "vitest";
import { VitalsSearchParams, vitalsHref } from "./search-params";

describe("VitalsSearchParams", () => {
  it("defaults to p75 over 7 days for LCP", () => {
    expect(VitalsSearchParams.parse({})).toEqual({ window: "7d", p: 75, metric: "LCP" });
  });
  it("accepts valid values and falls back on junk", () => {
    expect(
      VitalsSearchParams.parse({ window: "30d", p: "95", metric: "INP", device: "mobile", route: "/blog/[slug]" }),
    ).toEqual({ window: "30d", p: 95, metric: "INP", device: "mobile", route: "/blog/[slug]" });
    expect(
      VitalsSearchParams.parse({
        window: "1y",
        p: "80",
        metric: "XSS",
        device: "fridge",
        route: "javascript:alert(1)",
      }),
    ).toEqual({ window: "7d", p: 75, metric: "LCP" });
    expect(VitalsSearchParams.parse({ p: ["99", "50"] }).p).toBe(99);
  });
  it("builds short URLs that round-trip", () => {
    const base = VitalsSearchParams.parse({});
    expect(vitalsHref(base, {})).toBe("/admin/vitals");
    const href = vitalsHref(base, { p: 95, device: "desktop" });
    expect(href).toBe("/admin/vitals?p=95&device=desktop");
    expect(VitalsSearchParams.parse(Object.fromEntries(new URL(href, "http://x").searchParams))).toMatchObject({
      p: 95,
      device: "desktop",
    });
  });
});
