import { describe, expect, it } from "vitest";
import { partsInside, stepPartsInside, subtractCounts, subtractSteps } from "./exclusion";

const d = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const iv = (a: string, b: string) => ({ from: d(a), to: d(b) });

describe("maintenance exclusion", () => {
  it("clips the intervals to the range", () => {
    expect(
      partsInside(iv("10:00", "12:00"), [iv("09:00", "10:30"), iv("11:00", "11:15"), iv("11:50", "13:00")]),
    ).toEqual([iv("10:00", "10:30"), iv("11:00", "11:15"), iv("11:50", "12:00")]);
    expect(partsInside(iv("10:00", "12:00"), [iv("08:00", "10:00"), iv("12:00", "13:00")])).toEqual([]);
  });

  it("takes the counts inside maintenance off the window's counts", () => {
    // 1 h of 100 requests a minute (6000), 5 of them failing a minute during 10:10–10:20 (50 bad, all inside the
    // window): the budget sees 6000 − 1000 = 5000 requests, all good.
    expect(subtractCounts({ good: 5950, total: 6000 }, [{ good: 950, total: 1000 }])).toEqual({
      good: 5000,
      total: 5000,
    });
    // Two parts; and a part read where the whole was not (pruned rows) never goes below zero.
    expect(
      subtractCounts({ good: 90, total: 100 }, [
        { good: 10, total: 10 },
        { good: 5, total: 15 },
      ]),
    ).toEqual({
      good: 75,
      total: 75,
    });
    expect(subtractCounts({ good: 3, total: 4 }, [{ good: 0, total: 9 }])).toEqual({ good: 0, total: 0 });
  });

  it("splits maintenance on chart steps and subtracts per step", () => {
    const plan = { start: d("00:00"), end: d("18:00"), stepMinutes: 360 };
    const parts = stepPartsInside(plan, [iv("05:00", "07:30"), iv("17:00", "19:00")]);
    expect(parts).toEqual([
      { t: d("00:00").getTime(), part: iv("05:00", "06:00") },
      { t: d("06:00").getTime(), part: iv("06:00", "07:30") },
      { t: d("12:00").getTime(), part: iv("17:00", "18:00") },
    ]);
    const steps = [
      { t: d("00:00").getTime(), good: 600, total: 600 },
      { t: d("06:00").getTime(), good: 500, total: 600 },
      { t: d("12:00").getTime(), good: 600, total: 600 },
    ];
    expect(
      subtractSteps(steps, [
        { t: d("00:00").getTime(), good: 100, total: 100 },
        { t: d("06:00").getTime(), good: 60, total: 150 },
      ]),
    ).toEqual([
      { t: d("00:00").getTime(), good: 500, total: 500 },
      { t: d("06:00").getTime(), good: 440, total: 450 },
      { t: d("12:00").getTime(), good: 600, total: 600 },
    ]);
  });
});
