import { describe, expect, it } from "vitest";
import { overallState, publicState } from "@/lib/status/overall-state";

describe("public state", () => {
  it("says outage for an open incident whatever the last check, degraded for a lone failure, unknown before a check", () => {
    expect(publicState({ openIncident: true, last: { ok: true } })).toBe("outage");
    expect(publicState({ openIncident: false, last: { ok: false } })).toBe("degraded");
    expect(publicState({ openIncident: false, last: { ok: true } })).toBe("operational");
    expect(publicState({ openIncident: false, last: null })).toBe("unknown");
  });

  it("sums monitors up: all out is an outage, some is degraded, monitors without data do not count", () => {
    expect(overallState([])).toBe("unknown");
    expect(overallState(["unknown", "unknown"])).toBe("unknown");
    expect(overallState(["operational", "unknown"])).toBe("operational");
    expect(overallState(["operational", "outage"])).toBe("degraded");
    expect(overallState(["operational", "degraded"])).toBe("degraded");
    expect(overallState(["outage", "outage", "unknown"])).toBe("outage");
    expect(overallState(["outage", "degraded"])).toBe("degraded");
  });
});
