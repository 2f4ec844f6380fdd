import { describe, expect, it } from "vitest";
import { planWindow, windowPlanFor } from "./window";

const d = (iso: string) => new Date(iso);
const iso = (r: { from: Date; to: Date } | null) => r && [r.from.toISOString(), r.to.toISOString()];

describe("planWindow", () => {
  it("uses whole days in the middle and hours at the edges", () => {
    const plan = planWindow(d("2026-11-20T10:30:00Z"), d("2026-11-23T05:10:00Z"));
    expect(plan.start.toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(plan.end.toISOString()).toBe("2026-11-23T06:00:00.000Z");
    expect(iso(plan.days)).toEqual(["2026-11-21T00:00:00.000Z", "2026-11-23T00:00:00.000Z"]);
    expect(plan.hours.map(iso)).toEqual([
      ["2026-11-20T10:00:00.000Z", "2026-11-21T00:00:00.000Z"],
      ["2026-11-23T00:00:00.000Z", "2026-11-23T06:00:00.000Z"],
    ]);
  });

  it("uses hours only when no whole day fits", () => {
    const plan = planWindow(d("2026-11-22T10:00:00Z"), d("2026-11-23T09:00:00Z"));
    expect(plan.days).toBeNull();
    expect(plan.hours.map(iso)).toEqual([["2026-11-22T10:00:00.000Z", "2026-11-23T09:00:00.000Z"]]);
  });

  it("covers every hour of the 24h window exactly once", () => {
    const plan = windowPlanFor("24h", d("2026-11-23T12:34:56Z"));
    const hours = (r: { from: Date; to: Date }) => (r.to.getTime() - r.from.getTime()) / 3_600_000;
    const covered = (plan.days ? hours(plan.days) : 0) + plan.hours.reduce((n, r) => n + hours(r), 0);
    expect(covered).toBe((plan.end.getTime() - plan.start.getTime()) / 3_600_000);
    expect(covered).toBe(25);
  });

  it("makes day windows whole UTC days including today, read from daily rollups only", () => {
    const plan = windowPlanFor("30d", d("2026-11-23T12:34:56Z"));
    expect(plan.hours).toEqual([]);
    expect(iso(plan.days)).toEqual(["2026-10-25T00:00:00.000Z", "2026-11-24T00:00:00.000Z"]);
    expect(plan.start.toISOString()).toBe("2026-10-25T00:00:00.000Z");
    expect(plan.end.toISOString()).toBe("2026-11-23T13:00:00.000Z");
  });
});
