import { describe, expect, it } from "vitest";
import { barSegments, markMaintenance, planBar, segmentState, segmentTitle } from "./status-bar";

const HOUR = 3_600_000;

describe("status bar", () => {
  it("plans 24 hourly and 90 daily UTC segments ending with the current one", () => {
    const now = new Date("2026-03-10T14:25:00Z");
    const hours = planBar("24h", now);
    expect(hours).toMatchObject({ count: 24, stepMs: HOUR });
    expect(hours.start.toISOString()).toBe("2026-03-09T15:00:00.000Z");
    expect(hours.end.toISOString()).toBe("2026-03-10T15:00:00.000Z");
    const days = planBar("90d", now);
    expect(days.start.toISOString()).toBe("2025-12-11T00:00:00.000Z");
    expect(days.end.toISOString()).toBe("2026-03-11T00:00:00.000Z");
    expect((days.end.getTime() - days.start.getTime()) / (24 * HOUR)).toBe(90);
  });

  it("classifies a bucket as up, degraded, down or no data", () => {
    expect(segmentState({ ok: 0, total: 0 })).toBe("none");
    expect(segmentState({ ok: 60, total: 60 })).toBe("up");
    expect(segmentState({ ok: 59, total: 60 })).toBe("degraded");
    expect(segmentState({ ok: 0, total: 3 })).toBe("down");
  });

  it("fills every step, with empty steps as no data", () => {
    const plan = planBar("24h", new Date("2026-03-10T14:25:00Z"));
    const segments = barSegments(plan, [
      { t: new Date("2026-03-10T14:00:00Z"), ok: 20, total: 25 },
      { t: new Date("2026-03-09T15:00:00Z"), ok: 60, total: 60 },
      { t: new Date("2026-03-10T02:00:00Z"), ok: 0, total: 60 },
    ]);
    expect(segments).toHaveLength(24);
    expect(segments.map((s) => s.state).join(",")).toBe(
      ["up", ...Array(10).fill("none"), "down", ...Array(11).fill("none"), "degraded"].join(","),
    );
    expect(segments[23]).toMatchObject({
      ok: 20,
      total: 25,
      start: Date.parse("2026-03-10T14:00:00Z"),
      end: Date.parse("2026-03-10T15:00:00Z"),
    });
  });

  it("titles segments with time, state and exact figures", () => {
    const plan = planBar("24h", new Date("2026-03-10T14:25:00Z"));
    const [seg] = barSegments(plan, [{ t: plan.start, ok: 59, total: 60 }]);
    expect(segmentTitle(seg!, HOUR)).toBe("2026-03-09 15:00–16:00 UTC · degraded · 98.333% (59 of 60 checks ok)");
    const day = barSegments(planBar("90d", new Date("2026-03-10T14:25:00Z")), [])[89]!;
    expect(segmentTitle(day, 24 * HOUR)).toBe("2026-03-10 UTC · no data · no checks");
    expect(segmentTitle({ start: 0, end: HOUR, ok: 1, total: 1, state: "up" }, HOUR)).toBe(
      "1970-01-01 00:00–01:00 UTC · up · 100.000% (1 of 1 check ok)",
    );
  });
});

describe("maintenance on the status bar", () => {
  it("marks the minutes of maintenance in each segment and names them in the tooltip", () => {
    const plan = planBar("24h", new Date("2026-03-10T05:30:00Z"));
    const segs = markMaintenance(barSegments(plan, []), [
      { from: Date.parse("2026-03-10T02:30:00Z"), to: Date.parse("2026-03-10T04:15:00Z") },
    ]);
    const byHour = (h: string) => segs.find((s) => s.start === Date.parse(`2026-03-10T${h}:00:00Z`))!;
    expect(byHour("01").maintenanceMinutes).toBeUndefined();
    expect(byHour("02").maintenanceMinutes).toBe(30);
    expect(byHour("03").maintenanceMinutes).toBe(60);
    expect(byHour("04").maintenanceMinutes).toBe(15);
    expect(segmentTitle(byHour("04"), HOUR)).toBe(
      "2026-03-10 04:00–05:00 UTC · no data · no checks · maintenance 15 min (not counted)",
    );
  });
});
