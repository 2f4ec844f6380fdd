import { describe, expect, it } from "vitest";
import { defaultSloSpecs as sloSpecs } from "./slo-defaults";
import { parseSloSpecs } from "./spec";

const base = { id: "x", name: "X", owner: "team", objective: 0.99 };

describe("SLO specs", () => {
  it("ships the four default SLOs, valid, with defaults applied", () => {
    const specs = sloSpecs();
    expect(specs.map((s) => [s.id, s.kind, s.objective])).toEqual([
      ["api-availability", "availability", 0.999],
      ["request-latency", "latency", 0.95],
      ["lcp-good", "vitals", 0.75],
      ["uptime", "uptime", 0.999],
    ]);
    expect(specs[0]).toMatchObject({
      window: "30d",
      methods: [],
      routes: [],
      alerting: { minEvents: 100, absentMinutes: 60 },
    });
    expect(specs[1]).toMatchObject({ thresholdMs: 400 });
    expect(specs[2]).toMatchObject({
      metric: "LCP",
      route: "*",
      device: "all",
      alerting: { minEvents: 50, absentMinutes: 0 },
    });
  });

  it.each([
    [[{ ...base, kind: "availability", objective: 1 }], "0.objective"],
    [[{ ...base, kind: "availability", objective: 0.3 }], "0.objective"],
    [[{ ...base, kind: "latency" }], "0.thresholdMs"],
    [[{ ...base, kind: "vitals", metric: "FID" }], "0.metric"],
    [[{ ...base, kind: "uptime", monitor: "Not A Slug" }], "0.monitor"],
    [[{ ...base, kind: "custom", window: "90d" }], "0.window"],
    [[{ ...base, kind: "custom", id: "UPPER" }], "0.id"],
    [[{ ...base, kind: "custom", runbookUrl: "javascript:alert(1)" }], "0.runbookUrl"],
    [[{ ...base, kind: "custom", extra: true }], "0"],
    [
      [
        { ...base, kind: "custom" },
        { ...base, kind: "custom" },
      ],
      "1.id",
    ],
    [[{ ...base, kind: "nope" }], "0.kind"],
  ])("refuses a bad spec and names where: %#", (input, path) => {
    expect(() => parseSloSpecs(input)).toThrow(new RegExp(`- ${path.replace(".", "\\.")}:`));
  });
});
