import { describe, expect, it } from "vitest";
import { formatCount, formatMs, formatPerMinute, formatRate } from "./format";

describe("formatRate", () => {
  it.each([
    [null, "—"],
    [0, "0%"],
    [0.00004, "<0.01%"],
    [0.001234, "0.12%"],
    [0.0996, "10.0%"],
    [0.05, "5.0%"],
    [0.12345, "12.3%"],
    [0.9995, ">99.9%"],
    [1, "100%"],
  ])("%s → %s", (rate, shown) => expect(formatRate(rate)).toBe(shown));
});

describe("formatMs", () => {
  it.each([
    [null, "—"],
    [0, "0.00 ms"],
    [0.456, "0.46 ms"],
    [4.56, "4.6 ms"],
    [45.6, "46 ms"],
    [999.4, "999 ms"],
    [1234, "1.23 s"],
  ])("%s → %s", (ms, shown) => expect(formatMs(ms)).toBe(shown));
});

describe("counts and rates", () => {
  it("groups thousands and keeps small rates readable", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatPerMinute(0)).toBe("0");
    expect(formatPerMinute(0.001)).toBe("<0.01");
    expect(formatPerMinute(0.5)).toBe("0.50");
    expect(formatPerMinute(42.25)).toBe("42.3");
    expect(formatPerMinute(12345.6)).toBe("12,346");
  });
});
