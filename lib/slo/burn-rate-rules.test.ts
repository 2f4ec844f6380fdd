import { describe, expect, it } from "vitest";
import { BURN_RATE_RULES, budgetSpent, burnThreshold, canFire, scaledRules } from "./burn-rate-rules";

const MIN = 60_000;
const windows = (w: "7d" | "28d" | "30d") => scaledRules(w).map((r) => [r.id, r.longMs / 1000, r.shortMs / 1000]);

describe("burn-rate rules", () => {
  it("is the SRE workbook table for 30 days", () => {
    expect(BURN_RATE_RULES.map((r) => [r.id, r.severity, r.factor, r.longMs / MIN, r.shortMs / MIN])).toEqual([
      ["page-1h", "page", 14.4, 60, 5],
      ["page-6h", "page", 6, 360, 30],
      ["ticket-1d", "ticket", 3, 1440, 120],
      ["ticket-3d", "ticket", 1, 4320, 360],
    ]);
  });

  it("keeps the windows for 30 days and scales them by window / 30 days otherwise (seconds)", () => {
    expect(windows("30d")).toEqual([
      ["page-1h", 3600, 300],
      ["page-6h", 21600, 1800],
      ["ticket-1d", 86400, 7200],
      ["ticket-3d", 259200, 21600],
    ]);
    // 7/30 of 1 h = 14 min = 840 s; of 5 min = 70 s; of 6 h = 84 min; of 1 d = 5 h 36 min; of 3 d = 16 h 48 min.
    expect(windows("7d")).toEqual([
      ["page-1h", 840, 70],
      ["page-6h", 5040, 420],
      ["ticket-1d", 20160, 1680],
      ["ticket-3d", 60480, 5040],
    ]);
    // 28/30 of 1 h = 56 min; of 5 min = 280 s; of 3 d = 67 h 12 min = 241920 s.
    expect(windows("28d")).toEqual([
      ["page-1h", 3360, 280],
      ["page-6h", 20160, 1680],
      ["ticket-1d", 80640, 6720],
      ["ticket-3d", 241920, 20160],
    ]);
    expect(scaledRules("7d").map((r) => r.factor)).toEqual([14.4, 6, 3, 1]);
  });

  it("spends the same share of the budget in the long window at any SLO window", () => {
    for (const w of ["7d", "28d", "30d"] as const) {
      expect(scaledRules(w).map((r) => budgetSpent(r, w))).toEqual([0.02, 0.05, 0.1, 0.1]);
    }
  });

  it("gives the error-ratio threshold without floating-point noise", () => {
    expect(burnThreshold(14.4, 0.999)).toBe(0.0144);
    expect(burnThreshold(6, 0.95)).toBe(0.3);
    expect(burnThreshold(1, 0.75)).toBe(0.25);
    expect(burnThreshold(3, 0.75)).toBe(0.75);
  });

  it("knows which rules can never hold because their threshold is at least 1", () => {
    expect(canFire(14.4, 0.95)).toBe(true); // 0.72
    expect(canFire(14.4, 0.75)).toBe(false); // 3.6
    expect(canFire(6, 0.75)).toBe(false); // 1.5
    expect(canFire(3, 0.75)).toBe(true); // 0.75
    expect(canFire(6, 5 / 6)).toBe(false); // exactly 1
  });
});
