import { describe, expect, it } from "vitest";
import { histogramOf } from "./histogram";
import { rollupDeltas, truncate } from "./rollup";
import { normalizeRoute } from "./route-normalize";

describe("rollupDeltas", () => {
  const at = (iso: string) => new Date(iso);
  const rows = [
    {
      siteId: 1,
      ts: at("2026-11-23T10:05:00Z"),
      metric: "LCP",
      value: 1200,
      rating: "good",
      route: "/",
      device: "mobile",
    },
    {
      siteId: 1,
      ts: at("2026-11-23T10:59:59Z"),
      metric: "LCP",
      value: 3000,
      rating: "needs-improvement",
      route: "/",
      device: "mobile",
    },
    {
      siteId: 1,
      ts: at("2026-11-23T11:00:00Z"),
      metric: "LCP",
      value: 5000,
      rating: "poor",
      route: "/",
      device: "mobile",
    },
    {
      siteId: 1,
      ts: at("2026-11-23T11:30:00Z"),
      metric: "CLS",
      value: 0.3,
      rating: "poor",
      route: "/",
      device: "desktop",
    },
  ] as const;

  it("counts per hour bucket and per day bucket with the rating split and histogram", () => {
    const deltas = rollupDeltas(rows);
    const hour10 = deltas.find(
      (d) =>
        d.grain === "hour" &&
        d.metric === "LCP" &&
        d.route === "/" &&
        d.device === "mobile" &&
        d.bucketStart.toISOString() === "2026-11-23T10:00:00.000Z",
    );
    expect(hour10).toMatchObject({
      count: 2,
      good: 1,
      needsImprovement: 1,
      poor: 0,
      sum: 4200,
      hist: histogramOf([1200, 3000]),
    });
    const dayLcp = deltas.find((d) => d.grain === "day" && d.metric === "LCP" && d.route === "*" && d.device === "all");
    expect(dayLcp).toMatchObject({
      bucketStart: at("2026-11-23T00:00:00Z"),
      count: 3,
      good: 1,
      needsImprovement: 1,
      poor: 1,
    });
    expect(deltas.filter((d) => d.grain === "hour" && d.route !== "*" && d.device !== "all")).toHaveLength(3);
    const level = (route: string, device: string) =>
      deltas.filter(
        (d) =>
          d.grain === "day" &&
          (route === "*" ? d.route === "*" : d.route !== "*") &&
          (device === "all" ? d.device === "all" : d.device !== "all"),
      );
    for (const [route, device] of [
      ["/", "x"],
      ["/", "all"],
      ["*", "x"],
      ["*", "all"],
    ] as const) {
      expect(level(route, device).reduce((n, d) => n + d.count, 0)).toBe(rows.length);
    }
  });

  it("returns deltas in a stable key order (consistent lock order for upserts)", () => {
    expect(rollupDeltas([...rows].reverse())).toEqual(rollupDeltas(rows));
  });

  it("truncates to UTC hours and days", () => {
    expect(truncate(at("2026-11-23T23:59:59.999Z"), "hour").toISOString()).toBe("2026-11-23T23:00:00.000Z");
    expect(truncate(at("2026-11-23T23:59:59.999Z"), "day").toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});

describe("normalizeRoute", () => {
  it.each([
    ["/", "/"],
    ["/blog/[slug]", "/blog/[slug]"],
    ["/users/12345/posts", "/users/[id]/posts"],
    ["/o/3f2b8c1e-9d4a-4e7b-8c2d-1a2b3c4d5e6f", "/o/[id]"],
    ["/Docs/Getting-Started/", "/docs/getting-started"],
    ["/a/b/c/d/e/f/g/h/i/j/k/l/m/n", "/a/b/c/d/e/f/g/h/i/j/k/l"],
  ])("%s → %s", (input, expected) => expect(normalizeRoute(input)).toBe(expected));
});

describe("rollupDeltas with replays", () => {
  const ts = new Date("2026-11-23T10:05:00Z");
  const base = { siteId: 1, ts, metric: "CLS", route: "/", device: "mobile" } as const;

  it("moves a replaced sample between rating and histogram buckets without changing the count", () => {
    const deltas = rollupDeltas([
      { ...base, value: 0.05, rating: "good", weight: -1 },
      { ...base, value: 0.3, rating: "poor" },
    ]);
    const cell = deltas.find((d) => d.grain === "hour" && d.route === "/" && d.device === "mobile")!;
    expect(cell).toMatchObject({ count: 0, good: -1, needsImprovement: 0, poor: 1 });
    expect(cell.sum).toBeCloseTo(0.25, 10);
    expect(cell.hist).toEqual({
      ...Object.fromEntries(Object.entries(histogramOf([0.05])).map(([k]) => [k, -1])),
      ...histogramOf([0.3]),
    });
    expect(deltas).toHaveLength(8);
  });

  it("keeps sites apart: the same route, hour and device of two sites are two cells", () => {
    const deltas = rollupDeltas([
      { ...base, value: 0.05, rating: "good" },
      { ...base, siteId: 2, value: 0.3, rating: "poor" },
    ]);
    const cells = deltas.filter((d) => d.grain === "hour" && d.route === "/" && d.device === "mobile");
    expect(cells.map((c) => [c.siteId, c.count, c.good, c.poor])).toEqual([
      [1, 1, 1, 0],
      [2, 1, 0, 1],
    ]);
  });

  it("drops cells that net to nothing (a replay with the same value)", () => {
    expect(
      rollupDeltas([
        { ...base, value: 0.05, rating: "good", weight: -1 },
        { ...base, value: 0.05, rating: "good" },
      ]),
    ).toEqual([]);
  });
});
