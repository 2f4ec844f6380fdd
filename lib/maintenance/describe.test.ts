import { describe, expect, it } from "vitest";
import { describeSchedule, formatDuration, formValuesOf } from "./describe";
import { MaintenanceInput } from "./maintenance-input";

const d = (iso: string) => new Date(iso);

describe("describeSchedule", () => {
  it("names one-off, daily and weekly windows in UTC", () => {
    const base = { weekdays: [], until: null };
    expect(
      describeSchedule({
        ...base,
        recurrence: "none",
        startsAt: d("2026-03-02T22:00:00Z"),
        endsAt: d("2026-03-03T01:00:00Z"),
      }),
    ).toBe("2026-03-02 22:00 → 2026-03-03 01:00 UTC");
    expect(
      describeSchedule({
        recurrence: "weekly",
        weekdays: [6, 2],
        until: d("2026-03-31T00:00:00Z"),
        startsAt: d("2026-03-02T02:00:00Z"),
        endsAt: d("2026-03-02T02:30:00Z"),
      }),
    ).toBe("Weekly on Tue, Sat at 02:00 UTC for 30 min, from 2026-03-02 until 2026-03-31");
  });

  it("formats durations", () => {
    expect(formatDuration(90 * 60_000)).toBe("1 h 30 min");
    expect(formatDuration(120 * 60_000)).toBe("2 h");
    expect(formatDuration(1440 * 60_000)).toBe("1 d");
    expect(formatDuration(45 * 60_000)).toBe("45 min");
  });

  it("a stored window's form values parse back to the same window", () => {
    const rule = {
      title: "DB upgrade",
      recurrence: "weekly" as const,
      weekdays: [1, 3],
      until: d("2026-04-01T00:00:00Z"),
      startsAt: d("2026-03-02T02:00:00Z"),
      endsAt: d("2026-03-02T03:15:00Z"),
      monitors: ["shop", "api"],
    };
    expect(MaintenanceInput.parse(formValuesOf(rule))).toEqual({ ...rule });
  });
});
