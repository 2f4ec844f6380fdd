import { describe, expect, it } from "vitest";
import { afterMissedHeartbeat, heartbeatDeadline } from "./heartbeat-schedule";

const at = (s: string) => new Date(`2026-03-10T${s}Z`);

describe("heartbeat schedule", () => {
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
});
