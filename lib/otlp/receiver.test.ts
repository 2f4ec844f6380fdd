import type { Attributes } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { GAMMA, percentile, totalCount } from "@/lib/vitals/histogram";
import { lcg } from "@/tests/support/seeded-random";
import type { ExponentialBuckets } from "./points";
import { type ExportFormat, SEMCONV_BOUNDS_S, type SdkRecorder, sdkRecorder, serialize } from "./testing/sdk-payloads";
import { exactCells, JsonStateStore, type Recorded, receive } from "./testing/receive";

// Real payloads: the official metrics SDK records http.server.request.duration, the official serializers encode.

const T0 = Date.UTC(2026, 4, 12, 10, 0); // a minute boundary
const NOW = T0 + 10 * 60_000;
const recorders: SdkRecorder[] = [];
afterEach(async () => {
  await Promise.all(recorders.splice(0).map((r) => r.shutdown()));
});
const recorder = (...args: Parameters<typeof sdkRecorder>) => {
  const r = sdkRecorder(...args);
  recorders.push(r);
  return r;
};

const ROUTES: Attributes[] = [
  { "http.route": "/products/[id]", "http.request.method": "GET", "http.response.status_code": 200 },
  { "http.route": "/products/[id]", "http.request.method": "GET", "http.response.status_code": 404 },
  { "http.route": "/api/checkout", "http.request.method": "POST", "http.response.status_code": 500 },
  { "http.route": "/api/checkout", "http.request.method": "POST", "http.response.status_code": 201 },
  { "http.route": "/", "http.request.method": "GET", "http.response.status_code": 304, "url.scheme": "https" },
  { "http.route": "/", "http.request.method": "GET", "http.response.status_code": 200, "url.scheme": "http" },
  { "http.request.method": "GET", "http.response.status_code": 404 }, // no route: (unmatched)
  { "http.route": "/", "http.request.method": "PURGE", "http.response.status_code": 405 }, // OTHER
  { "http.route": "/stream", "http.request.method": "GET", "error.type": "ECONNRESET" }, // no status: class 5
];

/** Log-normal request durations in seconds (median 80 ms), over the routes above. */
function workload(seed: number, n: number): Recorded[] {
  const rand = lcg(seed);
  return Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
    return { seconds: 0.08 * Math.exp(0.9 * z), attributes: ROUTES[Math.floor(rand() * ROUTES.length)]! };
  });
}

function percentileCont(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

/** The explicit bucket's range (ms) of a value, widened by the rollups' own 2 % (log bucket) precision. */
function explicitRange(boundsMs: number[], v: number): [number, number] {
  const i = boundsMs.findIndex((b) => v <= b);
  return [i <= 0 ? 0 : boundsMs[i - 1]! / GAMMA, i === -1 ? Number.POSITIVE_INFINITY : boundsMs[i]! * GAMMA];
}

/** A percentile estimate lies within the buckets of the order statistics around its rank. */
function expectWithinBuckets(valuesMs: number[], estimate: number | null, p: number, boundsMs: number[]) {
  const s = [...valuesMs].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = explicitRange(boundsMs, s[Math.floor(rank)]!)[0];
  const hi = explicitRange(boundsMs, s[Math.ceil(rank)]!)[1];
  expect(estimate).not.toBeNull();
  expect(estimate!).toBeGreaterThanOrEqual(lo);
  expect(estimate!).toBeLessThanOrEqual(hi);
}

type Rows = Awaited<ReturnType<typeof receive>>["rows"];
const keyOf = (r: Rows[number]) => `${r.bucketStart.getTime()}|${r.route}|${r.method}|${r.statusClass}`;

function expectExactCounts(rows: Rows, records: Recorded[], minute: number) {
  const exact = exactCells(records, minute);
  const mine = rows.filter((r) => r.bucketStart.getTime() === minute);
  expect(new Map(mine.map((r) => [keyOf(r), r.count]))).toEqual(new Map([...exact].map(([k, c]) => [k, c.count])));
  for (const r of mine) {
    expect(r.grain).toBe("minute");
    expect(totalCount(r.hist)).toBe(r.count);
    expect(r.durationSumMs).toBeCloseTo(exact.get(keyOf(r))!.sumMs, 6);
  }
  return exact;
}

const send = (r: SdkRecorder, records: Recorded[]) => {
  for (const { seconds, attributes } of records) r.record(seconds, attributes);
};

describe.each<ExportFormat>(["protobuf", "json"])("OTLP receiver over %s from the official SDK", (format) => {
  it("explicit histograms, delta: exact counts per route, method, status class and minute", async () => {
    const r = recorder({ temporality: "delta", aggregation: "explicit" });
    const records = workload(1, 3000);
    send(r, records);
    const out = await receive(await r.export(format, T0 + 42_000), format, { now: NOW });
    const exact = expectExactCounts(out.rows, records, T0);
    expect(out.rows).toHaveLength(exact.size);
    expect(out.rows.map((row) => row.route)).toContain("(unmatched)");
    expect(out.rows.find((row) => row.route === "/stream")?.statusClass).toBe(5);
    expect(out.rows.find((row) => row.method === "OTHER")?.statusClass).toBe(4);
    const boundsMs = SEMCONV_BOUNDS_S.map((b) => b * 1000);
    for (const row of out.rows) {
      const values = exact.get(keyOf(row))!.valuesMs;
      for (const p of [0.5, 0.95]) expectWithinBuckets(values, percentile(row.hist, p), p, boundsMs);
    }
    expect(out.stats).toMatchObject({ points: 9, requests: 3000, outOfWindow: 0, tooLarge: 0 });
  });

  it("exponential histograms, delta: percentiles within the sender's bucket width", async () => {
    const r = recorder({ temporality: "delta", aggregation: "exponential" });
    const records = workload(2, 3000);
    send(r, records);
    const out = await receive(await r.export(format, T0 + 5_000), format, { now: NOW });
    const exact = expectExactCounts(out.rows, records, T0);
    const scale = (out.extraction.points[0]!.buckets as ExponentialBuckets).scale;
    const tolerance = 2 ** (2 ** -scale) * GAMMA - 1; // one exponential bucket, and the rollup's own 2 %
    expect(tolerance).toBeLessThan(0.12);
    for (const row of out.rows) {
      const values = exact.get(keyOf(row))!.valuesMs;
      if (values.length < 20) continue; // p95 of a handful is an order statistic the test below covers
      for (const p of [0.5, 0.95]) {
        const truth = percentileCont(values, p);
        expect(Math.abs(percentile(row.hist, p)! - truth) / truth).toBeLessThan(tolerance);
      }
    }
  });

  it.each(["explicit", "exponential"] as const)(
    "%s histograms, cumulative over three exports: each minute holds what happened in it",
    async (aggregation) => {
      const r = recorder({ temporality: "cumulative", aggregation });
      const store = new JsonStateStore();
      const batches = [workload(3, 800), workload(4, 500), workload(5, 1200)];
      batches[2]!.push({ seconds: 45, attributes: ROUTES[0]! }); // widens the range: exponential scale goes down
      const outs = [];
      for (const [i, records] of batches.entries()) {
        send(r, records);
        outs.push(await receive(await r.export(format, T0 + i * 60_000 + 30_000), format, { now: NOW, store }));
      }
      for (const [i, records] of batches.entries()) expectExactCounts(outs[i]!.rows, records, T0 + i * 60_000);
      expect(outs.map((o) => [o.stats.firsts, o.stats.resets])).toEqual([
        [9, 0],
        [0, 0],
        [0, 0],
      ]);
      if (aggregation === "exponential") {
        const scales = outs.map((o) => {
          const p = o.extraction.points.find((x) => x.route === "/products/[id]" && x.statusClass === 2)!;
          return (p.buckets as ExponentialBuckets).scale;
        });
        expect(scales[2]).toBeLessThan(scales[1]!);
      }
      // The same export again (an exporter retry) adds nothing.
      const again = await receive(await r.export(format, T0 + 2 * 60_000 + 30_000), format, { now: NOW, store });
      expect(again.rows).toEqual([]);
      expect(Math.max(...store.sizes())).toBeLessThan(aggregation === "explicit" ? 400 : 1200);
    },
  );

  it("a restarted process (new start time) counts from zero", async () => {
    const store = new JsonStateStore();
    const before = recorder({ temporality: "cumulative", aggregation: "explicit" });
    send(before, workload(6, 300));
    await receive(await before.export(format, T0 + 30_000), format, { now: NOW, store });
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later start time
    const after = recorder({ temporality: "cumulative", aggregation: "explicit" });
    const records = workload(7, 200);
    send(after, records);
    const out = await receive(await after.export(format, T0 + 90_000), format, { now: NOW, store });
    expectExactCounts(out.rows, records, T0 + 60_000);
  });

  it("reads the older http.server.duration (milliseconds) with its attribute names", async () => {
    const r = recorder({
      temporality: "delta",
      aggregation: "explicit",
      metricName: "http.server.duration",
      unit: "ms",
      boundaries: [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000],
    });
    for (const ms of [3, 40, 40, 90, 700])
      r.record(ms, { "http.method": "GET", "http.status_code": 200, "http.route": "/a", "http.target": "/a?x=1" });
    r.record(1200, { "http.method": "DELETE", "http.status_code": 503, "http.target": "/b/7" });
    const out = await receive(await r.export(format, T0), format, { now: NOW });
    expect(out.rows.map((row) => [row.route, row.method, row.statusClass, row.count, row.durationSumMs])).toEqual([
      ["/a", "GET", 2, 5, 873],
      ["(unmatched)", "DELETE", 5, 1, 1200],
    ]);
  });
});

describe("OTLP receiver, request handling", () => {
  it("decodes gzip bodies like plain ones", async () => {
    const r = recorder({ temporality: "cumulative", aggregation: "exponential" });
    send(r, workload(8, 400));
    const metrics = await r.collect(T0);
    const plain = await receive(serialize(metrics, "protobuf"), "protobuf", { now: NOW });
    const zipped = await receive(serialize(metrics, "protobuf", true), "protobuf", { now: NOW, gzip: true });
    expect(zipped.rows).toEqual(plain.rows);
  });

  it("counts and skips the app's other metrics", async () => {
    const r = recorder({ temporality: "delta", aggregation: "explicit" });
    send(r, workload(9, 50));
    const metrics = await r.collect(T0);
    const scope = metrics.scopeMetrics[0]!;
    const other = {
      ...scope.metrics[0]!,
      descriptor: { ...scope.metrics[0]!.descriptor, name: "http.client.request.duration" },
    };
    scope.metrics.push(other as typeof other);
    const out = await receive(serialize(metrics, "json"), "json", { now: NOW });
    expect(out.extraction.stats).toMatchObject({ metrics: 2, ignoredMetrics: 1, ignoredPoints: 9 });
    expect(out.stats.requests).toBe(50);
  });

  it("drops points that end outside the accepted window and says how many", async () => {
    const r = recorder({ temporality: "delta", aggregation: "explicit" });
    send(r, workload(10, 100));
    const out = await receive(await r.export("protobuf", NOW - 2 * 86_400_000), "protobuf", { now: NOW });
    expect(out.rows).toEqual([]);
    expect(out.stats.outOfWindow).toBe(9);
  });
});
