import { describe, expect, it } from "vitest";
import { histogramOf, percentiles } from "@/lib/vitals/histogram";
import { normalizeMethod, RequestAggregator, statusClassOf } from "./request-aggregator";

const at = Date.UTC(2026, 10, 23, 13, 59, 30);
const nextMinute = Date.UTC(2026, 10, 23, 14, 0, 5);

describe("RequestAggregator", () => {
  it("keeps per-minute cells and sums them into hour rows, exactly", () => {
    const a = new RequestAggregator();
    const durations = [3, 8, 120, 450];
    for (const d of durations) a.record("/api/health", "GET", 200, d, at);
    a.record("/api/health", "GET", 503, 2000, at);
    a.record("/api/health", "GET", 200, 10, nextMinute);
    const { rows } = a.drain();
    const minute = rows.filter((r) => r.grain === "minute");
    const hour = rows.filter((r) => r.grain === "hour");
    expect(minute).toHaveLength(3);
    const ok = minute.find((r) => r.statusClass === 2 && r.bucketStart.getTime() === Date.UTC(2026, 10, 23, 13, 59))!;
    expect(ok.count).toBe(4);
    expect(ok.durationSumMs).toBe(581);
    expect(ok.hist).toEqual(histogramOf(durations));
    expect(hour.map((r) => [r.bucketStart.toISOString(), r.statusClass, r.count]).sort()).toEqual([
      ["2026-11-23T13:00:00.000Z", 2, 4],
      ["2026-11-23T13:00:00.000Z", 5, 1],
      ["2026-11-23T14:00:00.000Z", 2, 1],
    ]);
    expect(percentiles(ok.hist, [0.5])[0]).toBeGreaterThan(7.9);
    expect(a.size).toBe(0);
  });

  it("restores a failed drain without losing or doubling counts", () => {
    const a = new RequestAggregator();
    a.record("/", "GET", 200, 5, at);
    const first = a.drain();
    a.record("/", "GET", 200, 7, at);
    a.restore(first.cells);
    const { rows } = a.drain();
    expect(rows.find((r) => r.grain === "minute")!.count).toBe(2);
    expect(rows.find((r) => r.grain === "hour")!.durationSumMs).toBe(12);
  });

  it("sheds new cells past its bound instead of growing without limit", () => {
    const a = new RequestAggregator(2);
    a.record("/a", "GET", 200, 1, at);
    a.record("/b", "GET", 200, 1, at);
    a.record("/c", "GET", 200, 1, at);
    a.record("/a", "GET", 200, 1, at);
    expect(a.size).toBe(2);
    expect(
      a
        .drain()
        .rows.filter((r) => r.grain === "minute")
        .map((r) => [r.route, r.count]),
    ).toEqual([
      ["/a", 2],
      ["/b", 1],
    ]);
  });

  it("bounds labels from client-controlled input", () => {
    expect(normalizeMethod("GET")).toBe("GET");
    expect(normalizeMethod("BREW")).toBe("OTHER");
    expect(normalizeMethod(undefined)).toBe("OTHER");
    expect([100, 204, 302, 404, 500, 599, 999].map(statusClassOf)).toEqual([1, 2, 3, 4, 5, 5, 5]);
  });
});
