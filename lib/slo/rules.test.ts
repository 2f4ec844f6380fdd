import { describe, expect, it } from "vitest";
import { budgetSpent, BURN_RULES_30D, burnRulesFor, burnThreshold, canFire, fingerprintOf, windowLabel } from "./rules";

const table = (window: "7d" | "28d" | "30d") =>
  burnRulesFor(window).map((r) => [r.id, r.longMinutes, r.shortMinutes, r.factor]);

describe("burn-rate rules", () => {
  it("are the SRE workbook table for 30 days", () => {
    expect(table("30d")).toEqual([
      ["page-1h", 60, 5, 14.4],
      ["page-6h", 360, 30, 6],
      ["ticket-1d", 1440, 120, 3],
      ["ticket-3d", 4320, 360, 1],
    ]);
    expect(BURN_RULES_30D.map((r) => [r.severity, r.forMinutes])).toEqual([
      ["page", 0],
      ["page", 0],
      ["ticket", 5],
      ["ticket", 5],
    ]);
  });

  it("scale their windows with the SLO window, to whole minutes, keeping the factors", () => {
    // 7/30 of 60 min = 14 min, of 5 min = 1.17 → 1 min; 28/30 of 5 min = 4.67 → 5 min.
    expect(table("7d")).toEqual([
      ["page-1h", 14, 1, 14.4],
      ["page-6h", 84, 7, 6],
      ["ticket-1d", 336, 28, 3],
      ["ticket-3d", 1008, 84, 1],
    ]);
    expect(table("28d")).toEqual([
      ["page-1h", 56, 5, 14.4],
      ["page-6h", 336, 28, 6],
      ["ticket-1d", 1344, 112, 3],
      ["ticket-3d", 4032, 336, 1],
    ]);
  });

  it("each rule spends the same share of any window's budget: factor × long / window", () => {
    for (const w of ["7d", "28d", "30d"] as const) {
      const days = Number(w.slice(0, -1));
      const shares = burnRulesFor(w).map((r) => (r.factor * r.longMinutes) / (days * 1440));
      for (const [i, expected] of [0.02, 0.05, 0.1, 0.1].entries()) expect(shares[i]).toBeCloseTo(expected, 2);
    }
  });

  it("name windows and fingerprints the way alerts store them", () => {
    expect([5, 60, 1440, 4320, 14, 84, 1008].map(windowLabel)).toEqual([
      "5m",
      "1h",
      "1d",
      "3d",
      "14m",
      "1h24m",
      "16h48m",
    ]);
    expect(fingerprintOf("api-availability", "page-1h")).toBe("api-availability:page-1h");
  });

  it("gives the error-ratio threshold without floating-point noise, and the exact budget share of the 30-day table", () => {
    expect(burnThreshold(14.4, 0.999)).toBe(0.0144);
    expect(burnThreshold(6, 0.95)).toBe(0.3);
    expect(burnThreshold(1, 0.75)).toBe(0.25);
    expect(burnThreshold(3, 0.75)).toBe(0.75);
    expect(burnRulesFor("30d").map((r) => budgetSpent(r, "30d"))).toEqual([0.02, 0.05, 0.1, 0.1]);
  });

  it("knows which rules can never hold because their threshold is at least 1", () => {
    expect(canFire(14.4, 0.95)).toBe(true); // 0.72
    expect(canFire(14.4, 0.75)).toBe(false); // 3.6
    expect(canFire(6, 0.75)).toBe(false); // 1.5
    expect(canFire(3, 0.75)).toBe(true); // 0.75
    expect(canFire(6, 5 / 6)).toBe(false); // exactly 1
  });
});
