import { gzipSync } from "node:zlib";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { lcg } from "@/tests/support/seeded-random";
import { decodeMetricsRequest, otlpFormatOf } from "./decode";
import { extractRequestDurations } from "./extract";
import { OTLP_LIMITS } from "./limits";
import {
  attr,
  encode,
  histogramPoint,
  int,
  type JsonObject,
  metric,
  request,
  requestAttributes,
  str,
} from "./testing/otlp-json";
import { type ExportFormat, sdkRecorder } from "./testing/sdk-payloads";

// Every malformed, oversized or hostile body ends in a typed refusal (an AppError with its code), never a throw of
// anything else, and nothing of it is converted.

type Outcome = "accepted" | AppError["code"];

async function outcomeOf(body: Uint8Array, contentType: string | null, contentEncoding?: string): Promise<Outcome> {
  try {
    const { request } = await decodeMetricsRequest(body, { contentType, contentEncoding });
    extractRequestDurations(request);
    return "accepted";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
}

const outcome = (json: JsonObject, format: ExportFormat) => {
  const { body, contentType } = encode(json, format);
  return outcomeOf(body, contentType);
};

async function sdkBody(): Promise<Uint8Array> {
  const r = sdkRecorder({ temporality: "delta", aggregation: "explicit" });
  for (let i = 0; i < 50; i++) r.record(i / 100, { "http.route": `/r/${i % 5}`, "http.response.status_code": 200 });
  const body = await r.export("protobuf");
  await r.shutdown();
  return body;
}

describe("content type and encoding", () => {
  it("reads protobuf and JSON media types, parameters ignored, and refuses others with 415", () => {
    expect(otlpFormatOf("application/x-protobuf")).toBe("protobuf");
    expect(otlpFormatOf("application/json; charset=utf-8")).toBe("json");
    for (const type of ["text/plain", "application/grpc", "", null])
      expect(() => otlpFormatOf(type)).toThrow(expect.objectContaining({ code: "unsupported_media_type" }));
  });

  it("inflates gzip, refuses other content encodings (415) and broken gzip (400)", async () => {
    const { body, contentType } = encode(request(), "json");
    expect(await outcomeOf(gzipSync(body), contentType, "gzip")).toBe("accepted");
    expect(await outcomeOf(body, contentType, "br")).toBe("unsupported_media_type");
    expect(await outcomeOf(body, contentType, "gzip")).toBe("bad_request");
  });

  it("refuses a gzip bomb (50 MB of zeros) while inflating, without expanding it", async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024), { level: 9 });
    expect(bomb.byteLength).toBeLessThan(100_000);
    const before = process.memoryUsage().arrayBuffers;
    expect(await outcomeOf(bomb, "application/x-protobuf", "gzip")).toBe("payload_too_large");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
  });

  it("refuses a body over the size limit with 413", async () => {
    expect(await outcomeOf(new Uint8Array(OTLP_LIMITS.bodyBytes + 1), "application/x-protobuf")).toBe(
      "payload_too_large",
    );
  });
});

describe("bytes that do not decode", () => {
  it("refuses truncated protobuf with 400", async () => {
    const body = await sdkBody();
    expect(await outcomeOf(body, "application/x-protobuf")).toBe("accepted");
    for (const cut of [body.length - 1, Math.floor(body.length / 2), 7])
      expect(await outcomeOf(body.subarray(0, cut), "application/x-protobuf")).toBe("bad_request");
  });

  it("refuses random bytes with 400", async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rand = lcg(seed);
      const bytes = Uint8Array.from({ length: 2000 }, () => Math.floor(rand() * 256));
      expect(await outcomeOf(bytes, "application/x-protobuf")).toBe("bad_request");
    }
  });

  it("refuses protobuf nested past protobufjs' depth limit with 400", async () => {
    const wrap = (field: number, inner: Uint8Array) =>
      protobuf.Writer.create()
        .uint32((field << 3) | 2)
        .bytes(inner)
        .finish();
    let value = protobuf.Writer.create()
      .uint32((1 << 3) | 2)
      .string("x")
      .finish(); // AnyValue{string_value}
    for (let i = 0; i < 200; i++) value = wrap(5, wrap(1, value)); // AnyValue{array_value{values: [value]}}
    const keyValue = protobuf.Writer.create()
      .uint32((1 << 3) | 2)
      .string("deep")
      .uint32((2 << 3) | 2)
      .bytes(value)
      .finish();
    const metricBytes = protobuf.Writer.create()
      .uint32((1 << 3) | 2)
      .string("http.server.request.duration")
      .uint32((9 << 3) | 2)
      .bytes(wrap(1, wrap(9, keyValue))) // Histogram{data_points{attributes}}
      .finish();
    const body = wrap(1, wrap(2, wrap(2, metricBytes))); // Request{resource_metrics{scope_metrics{metrics}}}
    expect(await outcomeOf(body, "application/x-protobuf")).toBe("bad_request");
  });

  it("refuses 4 MB of empty protobuf data points (413) without building them", async () => {
    const points = protobuf.Writer.create();
    for (let i = 0; i < 2_000_000; i++) points.uint32((1 << 3) | 2).uint32(0); // Histogram.data_points, empty
    const metricBytes = protobuf.Writer.create()
      .uint32((9 << 3) | 2)
      .bytes(points.finish())
      .finish();
    const wrap = (field: number, inner: Uint8Array) =>
      protobuf.Writer.create()
        .uint32((field << 3) | 2)
        .bytes(inner)
        .finish();
    const body = wrap(1, wrap(2, wrap(2, metricBytes)));
    expect(body.byteLength).toBeLessThan(OTLP_LIMITS.bodyBytes);
    const started = performance.now();
    expect(await outcomeOf(body, "application/x-protobuf")).toBe("payload_too_large");
    expect(performance.now() - started).toBeLessThan(1000); // decoding them first took ~1.5 s and ~400 MB
  });

  it("refuses JSON with more objects than 10,000 points can need (413) before parsing it", async () => {
    const body = `{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"x","gauge":{"dataPoints":[${Array(600_000).fill("{}").join(",")}]}}]}]}]}`;
    expect(await outcomeOf(new TextEncoder().encode(body), "application/json")).toBe("payload_too_large");
  });

  it("refuses JSON that does not parse with 400, and JSON nested past the stack with 400", async () => {
    expect(await outcomeOf(new TextEncoder().encode('{"resourceMetrics": ['), "application/json")).toBe("bad_request");
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const point = JSON.stringify(histogramPoint({ attributes: [{ key: "deep", value: { arrayValue: "@" } }] }));
    const body = JSON.stringify(request([metric({}, [])])).replace("[]}", `[${point.replace('"@"', deep)}]}`);
    expect(await outcomeOf(new TextEncoder().encode(body), "application/json")).toBe("validation_failed");
  });
});

describe("JSON of the wrong shape", () => {
  it.each<[string, unknown]>([
    ["resourceMetrics is not a list", { resourceMetrics: "x" }],
    ["a metric name is a number", { resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 5 }] }] }] }],
    ["the body is a list", []],
    ["count is a boolean", request([metric({}, [histogramPoint({ count: true })])])],
    ["a bucket count is an object", request([metric({}, [histogramPoint({ bucketCounts: [{}, "2", "2", "1"] })])])],
    ["an attribute key is missing", request([metric({}, [histogramPoint({ attributes: [{ value: {} }] })])])],
    ["the time is a float", request([metric({}, [histogramPoint({ timeUnixNano: 1.5 })])])],
  ])("%s → 400 validation_failed", async (_, json) => {
    const body = new TextEncoder().encode(JSON.stringify(json));
    expect(await outcomeOf(body, "application/json")).toBe("validation_failed");
  });
});

describe.each<ExportFormat>(["protobuf", "json"])("refusals over %s", (format) => {
  it("accepts the well-formed base case", async () => {
    expect(await outcome(request(), format)).toBe("accepted");
  });

  it("refuses 10,001 data points with 413, counting every metric's points", async () => {
    const points = (n: number) => Array.from({ length: n }, () => histogramPoint());
    const gauge = {
      name: "process.memory",
      gauge: { dataPoints: Array.from({ length: 5001 }, () => ({ asDouble: 1 })) },
    };
    expect(await outcome(request([metric({}, points(5000)), gauge]), format)).toBe("payload_too_large");
    expect(await outcome(request([metric({}, points(10_000))]), format)).toBe("accepted");
    expect(await outcome(request([metric({}, points(10_001))]), format)).toBe("payload_too_large");
  });

  it("refuses more metrics than the limit with 413", async () => {
    const empty = Array.from({ length: OTLP_LIMITS.metrics + 1 }, () => ({ name: "m" }));
    expect(await outcome(request(empty), format)).toBe("payload_too_large");
  });

  it.each<[string, JsonObject]>([
    [
      "65 attributes",
      { attributes: [...requestAttributes("/a"), ...Array.from({ length: 62 }, (_, i) => str(`k${i}`, "v"))] },
    ],
    [
      "a 2,000-character attribute value",
      { attributes: [...requestAttributes("/a"), str("user_agent.original", "x".repeat(2000))] },
    ],
    ["a 201-character route", { attributes: requestAttributes(`/${"r".repeat(200)}`) }],
    ["a NUL in the route", { attributes: requestAttributes("/a\u0000b") }],
    ["a 300-character attribute key", { attributes: [...requestAttributes("/a"), str("k".repeat(300), "v")] }],
    ["a NaN sum", { sum: "NaN" }],
    ["an infinite bound", { explicitBounds: [0.1, 0.5, "Infinity"] }],
    ["a negative count", { count: "-1", bucketCounts: ["0", "0", "0", "0"] }],
    ["a count past 2^53", { count: "1152921504606846976" }],
    ["a negative sum", { sum: -1 }],
    ["3 bounds but 3 bucket counts", { bucketCounts: ["1", "2", "3"] }],
    ["bucket counts that do not add up to count", { count: "7" }],
    ["bounds that are not increasing", { explicitBounds: [0.1, 0.1, 1] }],
    ["no end time", { timeUnixNano: "0" }],
    ["min above max", { min: 2, max: 1 }],
  ])("refuses a point with %s (400 validation_failed)", async (_, over) => {
    expect(await outcome(request([metric({}, [histogramPoint(over)])]), format)).toBe("validation_failed");
  });

  it("accepts a 200-character route and points without route or status", async () => {
    const points = [
      histogramPoint({ attributes: requestAttributes(`/${"r".repeat(199)}`) }),
      histogramPoint({ attributes: requestAttributes(null, "GET", null) }),
    ];
    expect(await outcome(request([metric({}, points)]), format)).toBe("accepted");
  });

  it("refuses an unspecified temporality and malformed exponential points", async () => {
    const unspecified = metric({ histogram: { aggregationTemporality: 0, dataPoints: [histogramPoint()] } });
    expect(await outcome(request([unspecified]), format)).toBe("validation_failed");
    const exp = (over: JsonObject) =>
      metric({
        histogram: undefined,
        exponentialHistogram: {
          aggregationTemporality: 2,
          dataPoints: [
            {
              attributes: requestAttributes("/a"),
              timeUnixNano: "1778580030000000000",
              count: "3",
              sum: 0.3,
              scale: 3,
              zeroCount: "1",
              positive: { offset: -20, bucketCounts: ["1", "0", "1"] },
              ...over,
            },
          ],
        },
      });
    expect(await outcome(request([exp({})]), format)).toBe("accepted");
    expect(await outcome(request([exp({ scale: 21 })]), format)).toBe("validation_failed");
    expect(await outcome(request([exp({ zeroCount: "2" })]), format)).toBe("validation_failed");
  });

  it("does not look inside metrics it does not read", async () => {
    const junk = [
      { name: "process.cpu", gauge: { dataPoints: [{ asDouble: "NaN", attributes: [str("k", "x".repeat(5000))] }] } },
      metric({ name: "http.client.request.duration" }, [histogramPoint({ sum: "NaN", count: "7" })]),
      metric({ unit: "min" }), // a unit the receiver cannot convert: not read
    ];
    expect(await outcome(request([metric(), ...junk]), format)).toBe("accepted");
  });

  it("names the path of each problem in the refusal's details", async () => {
    const json = request([
      metric({}, [
        histogramPoint(),
        histogramPoint({
          attributes: [attr("http.route", { stringValue: "\u0000" }), int("http.response.status_code", 200)],
        }),
      ]),
    ]);
    const { body, contentType } = encode(json, format);
    const err = await decodeMetricsRequest(body, { contentType })
      .then(({ request }) => extractRequestDurations(request))
      .catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details).toEqual([
      {
        path: "resourceMetrics.0.scopeMetrics.0.metrics.0.histogram.dataPoints.1",
        message: "http.route must not contain NUL characters or unpaired UTF-16 surrogates",
      },
    ]);
  });
});

it("refuses a lone UTF-16 surrogate in a JSON route", async () => {
  const json = request([metric({}, [histogramPoint({ attributes: requestAttributes("/a\ud800") })])]);
  expect(await outcomeOf(new TextEncoder().encode(JSON.stringify(json)), "application/json")).toBe("validation_failed");
});
