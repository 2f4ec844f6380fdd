import { describe, expect, it } from "vitest";
import { fullLabel, tickLabel, timeTicks } from "./time-ticks";

const t = (iso: string) => new Date(iso).getTime();

describe("time ticks", () => {
  it("puts 24 h ticks on every third whole hour", () => {
    const ticks = timeTicks(t("2026-11-22T13:45:00Z"), t("2026-11-23T13:30:00Z"), 15);
    expect(ticks.map(tickLabel(15))).toEqual(["15:00", "18:00", "21:00", "00:00", "03:00", "06:00", "09:00", "12:00"]);
  });
  it("labels 7 d ticks with dates at midnight UTC", () => {
    const ticks = timeTicks(t("2026-11-16T14:00:00Z"), t("2026-11-23T13:00:00Z"), 60);
    expect(ticks.map(tickLabel(60))).toEqual(["11/17", "11/18", "11/19", "11/20", "11/21", "11/22", "11/23"]);
  });
  it("puts 1 h ticks every 10 minutes, and tooltips carry date and time", () => {
    expect(timeTicks(t("2026-11-23T12:35:00Z"), t("2026-11-23T13:34:00Z"), 1).map(tickLabel(1))).toEqual([
      "12:40",
      "12:50",
      "13:00",
      "13:10",
      "13:20",
      "13:30",
    ]);
    expect(fullLabel(t("2026-11-23T09:05:00Z"))).toBe("11/23 09:05 UTC");
  });
});
