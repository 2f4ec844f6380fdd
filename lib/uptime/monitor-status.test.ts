import { describe, expect, it } from "vitest";
import { formatDuration, monitorStatus } from "./monitor-status";

describe("monitorStatus", () => {
  it("says paused, down, failing, up or no data", () => {
    expect(monitorStatus({ enabled: false, openIncident: true, last: { ok: false } })).toBe("paused");
    expect(monitorStatus({ enabled: true, openIncident: true, last: { ok: false } })).toBe("down");
    expect(monitorStatus({ enabled: true, openIncident: false, last: { ok: false } })).toBe("failing");
    expect(monitorStatus({ enabled: true, openIncident: false, last: { ok: true } })).toBe("up");
    expect(monitorStatus({ enabled: true, openIncident: false, last: null })).toBe("no-data");
  });
});

describe("formatDuration", () => {
  it("rounds down to the largest sensible units", () => {
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(59_999)).toBe("59 s");
    expect(formatDuration(60_000)).toBe("1 min");
    expect(formatDuration(3_599_000)).toBe("59 min");
    expect(formatDuration(3 * 3_600_000 + 5 * 60_000 + 59_000)).toBe("3 h 05 min");
    expect(formatDuration(50 * 3_600_000)).toBe("2 d 2 h");
  });
});
