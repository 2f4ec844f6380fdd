// The pure half of the OTLP receiver on a 1,000-point batch: decode (protobuf/JSON → validated request), extract
// (request-duration points, labels, stream keys) and convert (cumulative → delta, log-bucket cells). The issue's
// target is p99 < 50 ms per 1,000-point batch for the whole route; this measures lib/otlp's share, in-process.
// Wall times follow the machine's load; the CPU column (process CPU time per batch, GC threads included) less so.
// Usage: npm run bench:otlp-decode [-- --iterations 300]
import { parseArgs } from "node:util";
import type { Attributes } from "@opentelemetry/api";
import { convertRequestDurations, decodeMetricsRequest, extractRequestDurations, type StreamState } from "@/lib/otlp";
import { type ExportFormat, type SdkRecorderOptions, sdkRecorder } from "@/lib/otlp/testing/sdk-payloads";
import { contentTypeOf } from "@/lib/otlp/testing/sdk-payloads";
import { lcg } from "@/tests/support/seeded-random";
import { medianOf } from "./support/stats";

const { values } = parseArgs({ options: { iterations: { type: "string", default: "300" } } });
const ITERATIONS = Number(values.iterations);
const NOW = Date.now();

/** 1,000 attribute sets (100 routes × 2 methods × 5 statuses), ~20 requests each. */
async function batch(options: SdkRecorderOptions, format: ExportFormat) {
  const r = sdkRecorder(options);
  const rand = lcg(42);
  const sets: Attributes[] = [];
  for (let route = 0; route < 100; route++)
    for (const method of ["GET", "POST"])
      for (const status of [200, 201, 304, 404, 500])
        sets.push({
          "http.route": `/api/items/${route}/[id]`,
          "http.request.method": method,
          "http.response.status_code": status,
        });
  const record = () => {
    for (const attributes of sets) for (let i = 0; i < 20; i++) r.record(0.005 + rand() ** 3 * 2, attributes); // 5 ms – 2 s, skewed low
  };
  record();
  const first = await r.export(format, NOW - 60_000);
  record();
  const second = await r.export(format, NOW);
  await r.shutdown();
  return { first, second };
}

type Timings = { decode: number[]; extract: number[]; convert: number[]; total: number[] };

async function run(body: Uint8Array, format: ExportFormat, previous: Map<string, StreamState>) {
  const t0 = performance.now();
  const { request } = await decodeMetricsRequest(body, { contentType: contentTypeOf(format) });
  const t1 = performance.now();
  const extraction = extractRequestDurations(request);
  const t2 = performance.now();
  const result = convertRequestDurations(extraction.points, previous, { now: NOW });
  const t3 = performance.now();
  return { times: [t1 - t0, t2 - t1, t3 - t2, t3 - t0] as const, points: extraction.points.length, result };
}

const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;
const us = (ms: number) => `${(ms * 1000).toFixed(0).padStart(7)} µs`;

const variants: [string, SdkRecorderOptions, ExportFormat][] = [
  ["explicit, delta, protobuf", { temporality: "delta", aggregation: "explicit" }, "protobuf"],
  ["exponential, delta, protobuf", { temporality: "delta", aggregation: "exponential" }, "protobuf"],
  ["explicit, cumulative, protobuf", { temporality: "cumulative", aggregation: "explicit" }, "protobuf"],
  ["explicit, delta, JSON", { temporality: "delta", aggregation: "explicit" }, "json"],
];

console.log(`OTLP decode + convert, ${ITERATIONS} iterations per variant (after 30 warm-up), Node ${process.version}`);
console.log(
  `${"variant".padEnd(32)} ${"bytes".padStart(8)} ${"points".padStart(6)}  ${"decode".padStart(10)} ${"extract".padStart(10)} ${"convert".padStart(10)} ${"median".padStart(10)} ${"p99".padStart(10)} ${"CPU".padStart(10)}  points/s`,
);
for (const [name, options, format] of variants) {
  const { first, second } = await batch(options, format);
  // Cumulative: the states of the first export are stored, the second export is the measured batch.
  const previous =
    options.temporality === "cumulative"
      ? (await run(first, format, new Map())).result.states
      : new Map<string, StreamState>();
  const t: Timings = { decode: [], extract: [], convert: [], total: [] };
  let points = 0;
  let cpu = process.cpuUsage();
  for (let i = 0; i < 30 + ITERATIONS; i++) {
    const r = await run(second, format, previous);
    points = r.points;
    if (i === 29) cpu = process.cpuUsage();
    if (i < 30) continue;
    t.decode.push(r.times[0]);
    t.extract.push(r.times[1]);
    t.convert.push(r.times[2]);
    t.total.push(r.times[3]);
  }
  const used = process.cpuUsage(cpu);
  const cpuPerBatch = (used.user + used.system) / ITERATIONS / 1000; // ms, all threads (GC included)
  const median = medianOf(t.total);
  console.log(
    `${name.padEnd(32)} ${String(second.byteLength).padStart(8)} ${String(points).padStart(6)}  ${us(medianOf(t.decode))} ${us(medianOf(t.extract))} ${us(medianOf(t.convert))} ${us(median)} ${us(p99(t.total))} ${us(cpuPerBatch)}  ${Math.round((points / median) * 1000).toLocaleString("en-US")}`,
  );
}
