import { describe, expect, it } from "vitest";
import { formatUptime, uptimeRatio, UPTIME_WINDOWS } from "./uptime-math";

describe("uptime math", () => {
  it("is successful checks over checks, and no data without checks", () => {
    expect(uptimeRatio({ ok: 0, total: 0 })).toBeNull();
    expect(uptimeRatio({ ok: 3, total: 4 })).toBe(0.75);
    expect(formatUptime({ ok: 0, total: 0 })).toBe("no data");
  });

  it("shows exactly three decimals, rounded down, so a single failure never reads 100.000%", () => {
    expect(formatUptime({ ok: 10, total: 10 })).toBe("100.000%");
    expect(formatUptime({ ok: 0, total: 7 })).toBe("0.000%");
    expect(formatUptime({ ok: 3, total: 4 })).toBe("75.000%");
    expect(formatUptime({ ok: 2, total: 3 })).toBe("66.666%"); // 66.6666… rounded down
    expect(formatUptime({ ok: 1, total: 3 })).toBe("33.333%");
    // 30 days of one check a minute with one failure: 43199 / 43200 = 99.99768…%
    expect(formatUptime({ ok: 43_199, total: 43_200 })).toBe("99.997%");
    // 90 days at 30 s with one failure: 259199 / 259200 = 99.99961…% → not 100.000%
    expect(formatUptime({ ok: 259_199, total: 259_200 })).toBe("99.999%");
    expect(formatUptime({ ok: 999, total: 1000 })).toBe("99.900%");
  });

  it("names the four rolling windows", () => {
    expect(UPTIME_WINDOWS.map((w) => [w.key, w.ms / 86_400_000])).toEqual([
      ["24h", 1],
      ["7d", 7],
      ["30d", 30],
      ["90d", 90],
    ]);
  });
});
