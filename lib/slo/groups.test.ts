import { describe, expect, it } from "vitest";
import { groupLimit, routeSpec } from "./groups";
import { fingerprintOf, groupOfFingerprint } from "./rules";
import { requestSelection, selects } from "./selection";
import { SloSpec } from "./spec";

const api = SloSpec.parse({
  id: "api",
  name: "API",
  kind: "availability",
  routePrefix: "/api/",
  objective: 0.999,
  owner: "p",
  groupBy: "route",
});

describe("grouping by route", () => {
  it("is bounded: 10 routes by default, at most 20, only for request SLOs that ask for it", () => {
    expect(groupLimit(api)).toBe(10);
    expect(groupLimit(SloSpec.parse({ ...api, maxGroups: 3 }))).toBe(3);
    expect(SloSpec.safeParse({ ...api, maxGroups: 21 }).success).toBe(false);
    expect(groupLimit(SloSpec.parse({ ...api, groupBy: undefined }))).toBe(0);
    expect(
      SloSpec.safeParse({
        id: "u",
        name: "U",
        kind: "uptime",
        monitor: "m",
        objective: 0.9,
        owner: "o",
        groupBy: "route",
      }).success,
    ).toBe(false);
  });

  it("measures each route alone, under its own name", () => {
    const one = routeSpec(api as Extract<SloSpec, { kind: "availability" }>, "/api/a");
    expect(one.name).toBe("API · /api/a");
    const sel = requestSelection(one);
    expect(selects(sel, "/api/a", "GET")).toBe(true);
    expect(selects(sel, "/api/b", "GET")).toBe(false);
  });

  it("gives each route its own alert identity, and reads the route back", () => {
    expect(fingerprintOf("api", "page-1h")).toBe("api:page-1h");
    expect(fingerprintOf("api", "page-1h", "/api/a")).toBe("api:page-1h:/api/a");
    expect(groupOfFingerprint("api:page-1h:/api/a")).toBe("/api/a");
    expect(groupOfFingerprint("api:page-1h")).toBeNull();
    const long = `/api/${"x".repeat(190)}`;
    const f = fingerprintOf("api", "page-1h", long);
    expect(f.length).toBeLessThanOrEqual(160);
    expect(f).not.toBe(fingerprintOf("api", "page-1h", `${long}y`));
  });
});
