import { describe, expect, it } from "vitest";
import { afterMissedHeartbeat, heartbeatDeadline, nextProbeAt } from "./check-schedule";

const at = (s: string) => new Date(`2026-03-10T${s}Z`);

describe("check schedule", () => {
  it("expects the next ping within one interval plus the grace", () => {
    expect(heartbeatDeadline(at("12:00:00"), 300, 60).toISOString()).toBe(at("12:06:00").toISOString());
    expect(heartbeatDeadline(at("12:00:00"), 3600, 0).toISOString()).toBe(at("13:00:00").toISOString());
  });

  it("counts one missed interval at the deadline and moves the deadline one interval on", () => {
    expect(afterMissedHeartbeat(at("12:06:00"), 300, at("12:06:00"))).toEqual({ missed: 1, next: at("12:11:00") });
    expect(afterMissedHeartbeat(at("12:06:00"), 300, at("12:10:59"))).toEqual({ missed: 1, next: at("12:11:00") });
  });

  it("after a long silence (Vigil itself was down), counts the intervals missed and skips past now", () => {
    expect(afterMissedHeartbeat(at("12:06:00"), 300, at("12:21:00"))).toEqual({ missed: 4, next: at("12:26:00") });
    expect(afterMissedHeartbeat(at("12:06:00"), 300, at("12:20:59"))).toEqual({ missed: 3, next: at("12:21:00") });
  });

  it("keeps an HTTP monitor's cadence on its schedule, and restarts it from the check when the run fell behind", () => {
    // Due 12:00:00, checked 12:00:04 by a 15 s job tick: next due 12:01:00, not 12:01:04 (no drift).
    expect(nextProbeAt(at("12:00:00"), 60, at("12:00:04"))).toEqual(at("12:01:00"));
    // Vigil was down for 10 minutes: one interval from the check, not a burst of catch-up checks.
    expect(nextProbeAt(at("12:00:00"), 60, at("12:10:30"))).toEqual(at("12:11:30"));
    expect(nextProbeAt(at("12:00:00"), 60, at("12:01:00"))).toEqual(at("12:02:00"));
  });
});
