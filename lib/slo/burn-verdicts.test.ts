import { describe, expect, it } from "vitest";
import { evaluateAbsent, evaluateBurnRules, windowsToMeasure } from "./burn-verdicts";
import type { Counts } from "./math";
import { parseSloSpecs } from "./spec";

const spec = (over: Record<string, unknown> = {}) =>
  parseSloSpecs([{ id: "api", name: "API", owner: "team", kind: "availability", objective: 0.999, ...over }])[0]!;
const counts = (entries: Array<[number, Counts]>) => new Map(entries);
/** total events, of which `bad` failed. */
const c = (total: number, bad: number): Counts => ({ good: total - bad, total });
const verdicts = (s: ReturnType<typeof spec>, m: Map<number, Counts>) =>
  evaluateBurnRules(s, m).map((v) => [v.rule.id, v.holds, v.reason]);

describe("windowsToMeasure", () => {
  it("lists each rule window, the absent window and the SLO window once, shortest first", () => {
    expect(windowsToMeasure(spec())).toEqual([5, 30, 60, 120, 360, 1440, 4320, 43_200]);
    expect(windowsToMeasure(spec({ window: "7d", alerting: { absentMinutes: 15 } }))).toEqual([
      1, 7, 14, 15, 28, 84, 336, 1008, 10_080,
    ]);
  });
});

describe("evaluateBurnRules", () => {
  it("holds the 1 h page when both 1 h and 5 m burn over 14.4, and nothing slower", () => {
    // 1 h: 150 bad of 6150 = 2.44 % → burn 24.4; 5 m: 150 of 650 → 230.8; 6 h: 150 of 36 150 → 4.15 (< 6).
    const m = counts([
      [5, c(650, 150)],
      [60, c(6150, 150)],
      [30, c(3150, 150)],
      [360, c(36_150, 150)],
      [120, c(12_150, 150)],
      [1440, c(144_150, 150)],
      [4320, c(432_150, 150)],
    ]);
    const v = evaluateBurnRules(spec(), m);
    expect(v.map((x) => [x.rule.id, x.holds, x.reason])).toEqual([
      ["page-1h", true, "burning"],
      ["page-6h", false, "quiet"],
      ["ticket-1d", false, "quiet"],
      ["ticket-3d", false, "quiet"],
    ]);
    expect(v[0]!.figures).toMatchObject({
      rule: "page-1h",
      factor: 14.4,
      longMinutes: 60,
      shortMinutes: 5,
      long: { good: 6000, total: 6150 },
      short: { good: 500, total: 650 },
      minEvents: 100,
      objective: 0.999,
    });
    expect(v[0]!.figures.longBurn).toBeCloseTo(150 / 6150 / 0.001, 6);
    expect(v[0]!.figures.shortBurn).toBeCloseTo(150 / 650 / 0.001, 6);
  });

  it("needs the short window too: a burst that has stopped does not page", () => {
    const m = counts([
      [5, c(500, 0)],
      [60, c(6150, 150)],
    ]);
    expect(verdicts(spec(), m)[0]).toEqual(["page-1h", false, "quiet"]);
  });

  it("needs strictly more than the factor", () => {
    // Exactly 14.4: 144 bad of 10 000 at 99.9 %.
    const m = counts([
      [5, c(10_000, 144)],
      [60, c(10_000, 144)],
    ]);
    expect(verdicts(spec(), m)[0]).toEqual(["page-1h", false, "quiet"]);
    expect(
      verdicts(
        spec(),
        counts([
          [5, c(10_000, 145)],
          [60, c(10_000, 145)],
        ]),
      )[0],
    ).toEqual(["page-1h", true, "burning"]);
  });

  it("does not fire on too little traffic (minimum-traffic guard on the long window)", () => {
    // 50 % errors, but 40 events in the hour with minEvents 100.
    const m = counts([
      [5, c(10, 5)],
      [60, c(40, 20)],
    ]);
    expect(verdicts(spec(), m)[0]).toEqual(["page-1h", false, "low-traffic"]);
    expect(verdicts(spec({ alerting: { minEvents: 40 } }), m)[0]).toEqual(["page-1h", true, "burning"]);
  });

  it("reports no data, never a division, when a window has no events", () => {
    const v = evaluateBurnRules(spec(), counts([[60, c(6000, 600)]]));
    expect(v[0]).toMatchObject({
      holds: false,
      reason: "no-data",
      figures: { shortBurn: null, longBurn: expect.closeTo(100, 6) },
    });
    expect(
      evaluateBurnRules(spec(), new Map()).every((x) => x.reason === "no-data" && x.figures.longBurn === null),
    ).toBe(true);
  });

  it("uses the scaled windows of a 7-day SLO", () => {
    const m = counts([
      [1, c(100, 50)],
      [14, c(1400, 50)],
    ]);
    expect(verdicts(spec({ window: "7d" }), m)[0]).toEqual(["page-1h", true, "burning"]);
  });
});

describe("evaluateAbsent", () => {
  const s = spec({ alerting: { absentMinutes: 60 } });
  it("holds when the window had events but the last absentMinutes have none", () => {
    expect(
      evaluateAbsent(
        s,
        counts([
          [60, c(0, 0)],
          [43_200, c(5000, 3)],
        ]),
      ),
    ).toEqual({ holds: true, figures: { rule: "absent", absentMinutes: 60, recent: c(0, 0), window: c(5000, 3) } });
  });
  it("does not hold while events arrive, nor for an SLO that never had any", () => {
    expect(
      evaluateAbsent(
        s,
        counts([
          [60, c(1, 0)],
          [43_200, c(5000, 3)],
        ]),
      )!.holds,
    ).toBe(false);
    expect(evaluateAbsent(s, new Map())!.holds).toBe(false);
  });
  it("is off with absentMinutes 0", () =>
    expect(evaluateAbsent(spec({ alerting: { absentMinutes: 0 } }), new Map())).toBeNull());
});
