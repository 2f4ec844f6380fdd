import { describe, expect, it } from "vitest";
import { alertSummary, alertTitle } from "./alert-text";

const spec = { name: "API availability", objective: 0.999, window: "30d" as const };

describe("alert texts", () => {
  it("say which windows burn how fast against which threshold, with the counts", () => {
    const f = {
      rule: "page-1h" as const,
      factor: 14.4,
      longMinutes: 60,
      shortMinutes: 5,
      long: { good: 6000, total: 6150 },
      short: { good: 500, total: 650 },
      longBurn: 24.390243,
      shortBurn: 230.769,
      minEvents: 100,
      objective: 0.999,
    };
    expect(alertSummary(spec, f)).toBe(
      "API availability: error budget burning 24.4× over 1h and 230.8× over 5m (alert above 14.4×; 150 of 6,150 events bad in 1h; objective 99.9%).",
    );
    expect(alertTitle(spec, "page", "page-1h", "firing")).toBe("[PAGE] API availability: burn rate page-1h");
    expect(alertTitle(spec, "page", "page-1h", "resolved")).toBe("[RESOLVED] API availability: burn rate page-1h");
  });
  it("explain absent data", () => {
    const f = {
      rule: "absent" as const,
      absentMinutes: 60,
      recent: { good: 0, total: 0 },
      window: { good: 4990, total: 5000 },
    };
    expect(alertSummary(spec, f)).toBe(
      "API availability: no events for 60 min, after 5,000 in the 30d window. The data source stopped.",
    );
    expect(alertTitle(spec, "ticket", "absent", "firing")).toBe("[TICKET] API availability: no data");
  });
});
