import { describe, expect, it } from "vitest";
import { MaintenanceInput } from "./maintenance-input";

const ok = { title: "Upgrade", recurrence: "none", startsAt: "2026-03-02T22:00", endsAt: "2026-03-03T01:00" };
const issues = (v: Record<string, string>) => {
  const r = MaintenanceInput.safeParse(v);
  // The first message per field, as the forms show it.
  return r.success ? {} : Object.fromEntries(r.error.issues.reverse().map((i) => [String(i.path[0]), i.message]));
};

describe("MaintenanceInput", () => {
  it("reads times as UTC; a one-off window keeps its end; scope slugs are split and deduplicated", () => {
    expect(MaintenanceInput.parse({ ...ok, monitors: "shop, api shop" })).toEqual({
      title: "Upgrade",
      recurrence: "none",
      startsAt: new Date("2026-03-02T22:00:00Z"),
      endsAt: new Date("2026-03-03T01:00:00Z"),
      weekdays: [],
      until: null,
      monitors: ["shop", "api"],
    });
  });

  it("a recurring window takes its duration and weekdays", () => {
    expect(
      MaintenanceInput.parse({
        ...ok,
        recurrence: "weekly",
        endsAt: "",
        durationMinutes: "90",
        wd2: "on",
        wd6: "on",
        until: "2026-03-31",
      }),
    ).toMatchObject({
      endsAt: new Date("2026-03-02T23:30:00Z"),
      weekdays: [2, 6],
      until: new Date("2026-03-31T00:00:00Z"),
    });
  });

  it("names each bad field", () => {
    // Cross-field checks run once every field is valid on its own.
    expect(issues({ ...ok, title: " ", endsAt: "2026-03-02T21:00" })).toEqual({ title: "Title is required" });
    expect(issues({ ...ok, endsAt: "2026-03-02T21:00" })).toEqual({ endsAt: "End must be after the start" });
    expect(issues({ ...ok, startsAt: "tomorrow" }).startsAt).toMatch(/must look like/);
    expect(issues({ ...ok, startsAt: "2026-02-30T10:00" }).startsAt).toMatch(/not a real date/);
    expect(issues({ ...ok, endsAt: "2026-05-01T00:00" }).endsAt).toMatch(/at most 31 days/);
    expect(issues({ ...ok, recurrence: "weekly", durationMinutes: "1441" })).toEqual({
      durationMinutes: "Duration must be at most 1440 minutes (a day)",
    });
    expect(issues({ ...ok, recurrence: "weekly", durationMinutes: "60" })).toEqual({
      weekdays: "Pick at least one weekday",
    });
    expect(issues({ ...ok, recurrence: "daily", durationMinutes: "", until: "2026-03-01" })).toEqual({
      durationMinutes: "Duration is required for a recurring window",
      until: "Until must not be before the first day",
    });
    expect(issues({ ...ok, recurrence: "hourly" }).recurrence).toBeDefined();
    expect(issues({ ...ok, monitors: "Shop!" }).monitors).toMatch(/slugs/);
    expect(issues({ ...ok, title: "a\u0000b" }).title).toMatch(/NUL/);
  });
});
