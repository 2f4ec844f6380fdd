import { describe, expect, it } from "vitest";
import { planRequestWindow, REQUEST_WINDOW_KEYS, REQUEST_WINDOWS } from "./window";

const now = new Date("2026-11-23T12:34:30Z");

describe("planRequestWindow", () => {
  it("reads minute rows up to 24 h: whole minutes, the running one included", () => {
    const plan = planRequestWindow("1h", now);
    expect(plan.grain).toBe("minute");
    expect(plan.start.toISOString()).toBe("2026-11-23T11:35:00.000Z");
    expect(plan.end.toISOString()).toBe("2026-11-23T12:35:00.000Z");
    expect(plan.elapsedMinutes).toBe(59.5);
    expect(planRequestWindow("24h", now).grain).toBe("minute");
    expect(planRequestWindow("24h", now).start.toISOString()).toBe("2026-11-22T12:35:00.000Z");
  });

  it("reads hour rows beyond 24 h", () => {
    const plan = planRequestWindow("7d", now);
    expect(plan.grain).toBe("hour");
    expect(plan.start.toISOString()).toBe("2026-11-16T13:00:00.000Z");
    expect(plan.end.toISOString()).toBe("2026-11-23T13:00:00.000Z");
    expect(plan.elapsedMinutes).toBe(7 * 24 * 60 - 25.5);
  });

  it("has steps that split every window into whole buckets", () => {
    for (const key of REQUEST_WINDOW_KEYS) {
      const plan = planRequestWindow(key, now);
      const bucket = plan.grain === "minute" ? 1 : 60;
      expect(plan.stepMinutes % bucket).toBe(0);
      expect(REQUEST_WINDOWS[key] % plan.stepMinutes).toBe(0);
      expect(REQUEST_WINDOWS[key] / plan.stepMinutes).toBeLessThanOrEqual(170);
    }
  });

  it("never has a zero elapsed time, even on a bucket boundary", () => {
    expect(planRequestWindow("1h", new Date("2026-11-23T12:00:00Z")).elapsedMinutes).toBe(59);
  });
});
