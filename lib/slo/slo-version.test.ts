import { describe, expect, it } from "vitest";
import { clipToVersion, startsNewVersion, versionLabel, versionSince } from "./slo-version";
import { SloSpec } from "./spec";

const base = SloSpec.parse({
  id: "api",
  name: "API",
  kind: "availability",
  routePrefix: "/api/",
  objective: 0.999,
  owner: "platform",
});
const edit = (patch: Record<string, unknown>) => SloSpec.parse({ ...base, ...patch });

describe("startsNewVersion", () => {
  it("starts one when the objective, window or SLI changes", () => {
    for (const patch of [
      { objective: 0.99 },
      { window: "7d" },
      { routePrefix: "/api/v1/" },
      { routes: ["/api/x"] },
      { methods: ["GET"] },
      { kind: "latency", thresholdMs: 300 },
    ])
      expect(startsNewVersion(base, edit(patch)), JSON.stringify(patch)).toBe(true);
  });
  it("keeps the version for labels and alert tuning", () => {
    for (const patch of [
      { name: "Public API" },
      { description: "x" },
      { owner: "team-b" },
      { runbookUrl: "RUNBOOK.md#api" },
      { alerting: { minEvents: 5, absentMinutes: 0 } },
    ])
      expect(startsNewVersion(base, edit(patch)), JSON.stringify(patch)).toBe(false);
  });
});

describe("clipToVersion", () => {
  const range = { from: new Date("2026-12-01T00:00:00Z"), to: new Date("2026-12-08T00:00:00Z") };
  it("leaves a range alone for version 1 or a version older than the range", () => {
    expect(clipToVersion(range, null)).toEqual(range);
    expect(clipToVersion(range, new Date("2026-11-01T00:00:00Z"))).toEqual(range);
  });
  it("starts the range at the version's start, and empties it when the version is newer than the range", () => {
    const since = new Date("2026-12-05T12:00:00Z");
    expect(clipToVersion(range, since)).toEqual({ from: since, to: range.to });
    const later = clipToVersion(range, new Date("2026-12-09T00:00:00Z"));
    expect(later.from.getTime()).toBe(later.to.getTime());
  });
});

describe("versions", () => {
  it("measure all data for version 1 and from its start for later ones, and say so", () => {
    const at = new Date("2026-12-05T12:34:56Z");
    expect(versionSince(1, at)).toBeNull();
    expect(versionSince(2, at)).toEqual(at);
    expect(versionLabel(1, null)).toBe("v1");
    expect(versionLabel(2, at)).toBe("v2 since 2026-12-05 12:34 UTC");
  });
});
