import { describe, expect, it } from "vitest";
import { formatBudget, formatBurn, formatEvents, formatObjective, formatSli } from "./format";

describe("SLO formats", () => {
  it("truncates SLIs to 3 decimals, never rounding up to the target", () => {
    expect(formatSli(0.998996)).toBe("99.899%");
    expect(formatSli(0.9995)).toBe("99.950%");
    expect(formatSli(1)).toBe("100.000%");
    expect(formatSli(0.75)).toBe("75.000%");
    expect(formatSli(null)).toBe("—");
  });
  it("truncates budget left to 1 decimal, below zero when overspent", () => {
    expect(formatBudget(0.6249)).toBe("62.4%");
    expect(formatBudget(1)).toBe("100.0%");
    expect(formatBudget(-1.5)).toBe("-150.0%");
    expect(formatBudget(-0.0001)).toBe("-0.1%");
    expect(formatBudget(null)).toBe("—");
  });
  it("shows burn rates with 2 decimals under 10, 1 above", () => {
    expect([0, 0.351, 4.149, 14.4, 24.39, 230.77, null].map(formatBurn)).toEqual([
      "0×",
      "0.35×",
      "4.15×",
      "14.4×",
      "24.4×",
      "230.8×",
      "—",
    ]);
  });
  it("shows objectives without float noise and counts rounded", () => {
    expect([0.999, 0.95, 0.75, 0.9995].map(formatObjective)).toEqual(["99.9%", "95%", "75%", "99.95%"]);
    expect(formatEvents(56.1)).toBe("56");
    expect(formatEvents(1234567)).toBe("1,234,567");
  });
});
