import { describe, expect, it } from "vitest";
import { sloSeries } from "./series";

const H = 3_600_000;
const start = new Date("2026-03-10T00:00:00Z");
const plan = { start, end: new Date(start.getTime() + 4 * H), stepMinutes: 60 };
const at = (h: number) => start.getTime() + h * H;

describe("sloSeries", () => {
  it("gives each step its SLI and burn rate, and burns the window's budget down step by step", () => {
    // 99 % objective over 4 000 events: 40 bad allowed. Step bad counts 0, 10, (none), 30.
    const points = sloSeries(
      [
        { t: at(0), good: 1000, total: 1000 },
        { t: at(1), good: 990, total: 1000 },
        { t: at(3), good: 1970, total: 2000 },
      ],
      plan,
      0.99,
    );
    expect(points.map((p) => p.t)).toEqual([at(0), at(1), at(2), at(3)]);
    expect(points.map((p) => p.sli)).toEqual([1, 0.99, null, 0.985]);
    expect(points[0]!.burn).toBe(0);
    expect(points[1]!.burn).toBeCloseTo(1, 9);
    expect(points[2]!.burn).toBeNull();
    expect(points[3]!.burn).toBeCloseTo(1.5, 9);
    // Remaining after each step: 1 − 0/40, 1 − 10/40, 1 − 10/40, 1 − 40/40.
    const remaining = points.map((p) => p.budgetRemaining!);
    for (const [i, r] of [1, 0.75, 0.75, 0].entries()) expect(remaining[i]).toBeCloseTo(r, 9);
  });

  it("goes below zero when the budget is overspent", () => {
    const points = sloSeries([{ t: at(0), good: 80, total: 100 }], plan, 0.9);
    expect(points[0]!.budgetRemaining).toBeCloseTo(-1, 9);
  });

  it("has points but no ratios for an empty window", () => {
    const points = sloSeries([], plan, 0.999);
    expect(points).toHaveLength(4);
    expect(points.every((p) => p.sli === null && p.burn === null && p.budgetRemaining === null && p.total === 0)).toBe(
      true,
    );
  });
});
