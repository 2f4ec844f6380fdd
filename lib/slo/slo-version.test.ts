import { describe, expect, it } from "vitest";
import { errorBudget } from "./math";
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

describe("versioned budgets (hand-computed)", () => {
  // Per-minute good/total events of a custom SLO at 99 %: a bad hour before the objective was changed, then calm.
  const T = Date.parse("2026-12-10T12:00:00Z");
  const MIN = 60_000;
  const events = [
    { t: T - 120 * MIN, good: 900, total: 1000 }, // 100 bad under version 1
    { t: T - 30 * MIN, good: 298, total: 300 }, // 2 bad under version 2
    { t: T - 10 * MIN, good: 200, total: 200 },
  ];
  const sum = (r: { from: Date; to: Date }) =>
    events
      .filter((e) => e.t >= r.from.getTime() && e.t < r.to.getTime())
      .reduce((c, e) => ({ good: c.good + e.good, total: c.total + e.total }), { good: 0, total: 0 });
  const window = { from: new Date(T - 30 * 86_400_000), to: new Date(T) };

  it("version 1 counts the whole window: 102 bad of 1500, 15 allowed, budget overspent", () => {
    const b = errorBudget(sum(clipToVersion(window, versionSince(1, new Date(T - 60 * MIN)))), 0.99);
    expect(b.total).toBeCloseTo(15, 9);
    expect(b.consumed).toBe(102);
    expect(b.remainingRatio).toBeCloseTo(1 - 102 / 15, 9);
  });

  it("version 2, started an hour ago, counts only its own events: 2 bad of 500, 5 allowed, 60 % left", () => {
    const b = errorBudget(sum(clipToVersion(window, versionSince(2, new Date(T - 60 * MIN)))), 0.99);
    expect(b.total).toBeCloseTo(5, 9);
    expect(b.consumed).toBe(2);
    expect(b.remaining).toBeCloseTo(3, 9);
    expect(b.remainingRatio).toBeCloseTo(0.6, 9);
  });

  it("a version newer than every event has no data yet, not a full budget", () => {
    expect(errorBudget(sum(clipToVersion(window, versionSince(3, new Date(T - 5 * MIN)))), 0.99).remainingRatio).toBe(
      null,
    );
  });
});
