import { describe, expect, it } from "vitest";
import { BURN_RULES_30D, burnRulesFor, fingerprintOf, windowLabel } from "./rules";

const table = (window: "7d" | "28d" | "30d") => burnRulesFor(window).map((r) => [r.id, r.longMinutes, r.shortMinutes, r.factor]);

describe("burn-rate rules", () => {
  it("are the SRE workbook table for 30 days", () => {
    expect(table("30d")).toEqual([
      ["page-1h", 60, 5, 14.4],
      ["page-6h", 360, 30, 6],
      ["ticket-1d", 1440, 120, 3],
      ["ticket-3d", 4320, 360, 1],
    ]);
    expect(BURN_RULES_30D.map((r) => [r.severity, r.forMinutes])).toEqual([["page", 0], ["page", 0], ["ticket", 5], ["ticket", 5]]);
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
      [0.02, 0.05, 0.1, 0.1].forEach((expected, i) => expect(shares[i]).toBeCloseTo(expected, 2));
    }
  });

  it("name windows and fingerprints the way alerts store them", () => {
    expect([5, 60, 1440, 4320, 14, 84, 1008].map(windowLabel)).toEqual(["5m", "1h", "1d", "3d", "14m", "1h24m", "16h48m"]);
    expect(fingerprintOf("api-availability", "page-1h")).toBe("api-availability:page-1h");
  });
});
