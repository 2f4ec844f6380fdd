import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "@playwright/test";
import pg from "pg";
import { E2E_BASE_URL, E2E_PORT } from "./support/config";
import { promtoolCheckMetrics, startPrometheus } from "./support/prometheus";
import { waitForRecorded } from "./support/recorder";
import { test } from "./support/test";

// Server telemetry against the built app: counts in /metrics and in Postgres, promtool, a real Prometheus
// scrape, trace ids and OTLP export, and hostile headers. Only this spec sends PATCH to unknown API paths, so
// that series counts exactly the requests made here.
// Vigil's own requests are those of its site `vigil` (the generated Prometheus rules group by `site`).
const PROBE = { site: "vigil", route: "/api/[...slug]", method: "PATCH", status: "404" };

async function metricsText(): Promise<string> {
  const res = await fetch(`${E2E_BASE_URL}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
}

function sample(text: string, name: string, labels: Record<string, string>): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const [series, value] = [line.slice(0, line.lastIndexOf(" ")), line.slice(line.lastIndexOf(" ") + 1)];
    if (want.every((w) => series.includes(w))) return Number(value);
  }
  return 0;
}

async function rollupCount(grain: "minute" | "hour"): Promise<{ count: number; histTotal: number }> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string | null; hist_total: string | null }>(
      `SELECT sum(count) AS count, sum((SELECT sum(v::bigint) FROM jsonb_each_text(hist) AS h(k, v))) AS hist_total
       FROM request_rollups WHERE site_id = 1 AND grain = $1 AND route = $2 AND method = $3 AND status_class = 4`,
      [grain, PROBE.route, PROBE.method],
    );
    return { count: Number(rows[0]?.count ?? 0), histTotal: Number(rows[0]?.hist_total ?? 0) };
  } finally {
    await client.end();
  }
}

const probe = (n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      fetch(`${E2E_BASE_URL}/api/telemetry-probe-${i}?token=x`, { method: "PATCH" }).then((r) =>
        expect(r.status).toBe(404),
      ),
    ),
  );

test("request counts in /metrics and in the Postgres rollups match the requests made, exactly", async () => {
  const before = {
    metrics: sample(await metricsText(), "http_requests_total", PROBE),
    minute: await rollupCount("minute"),
    hour: await rollupCount("hour"),
  };
  await probe(17);
  // Node emits "finish" once the last bytes are handed to the OS, which can be just after the client has them.
  await expect
    .poll(async () => sample(await metricsText(), "http_requests_total", PROBE) - before.metrics, { timeout: 5_000 })
    .toBe(17);
  // Rollups are flushed every VIGIL_TELEMETRY_FLUSH_MS (1 s in these tests).
  await expect
    .poll(async () => (await rollupCount("minute")).count - before.minute.count, { timeout: 10_000 })
    .toBe(17);
  const minute = await rollupCount("minute");
  const hour = await rollupCount("hour");
  expect(hour.count - before.hour.count).toBe(17);
  expect(minute.histTotal).toBe(minute.count);
  expect(hour.histTotal).toBe(hour.count);
});

test("a production server without VIGIL_METRICS_TOKEN warns once, at start, that /metrics is open", async () => {
  // global-setup keeps the server's output there; this server is `next start` (production) without a metrics token.
  const warnings = () =>
    readFileSync(resolve(import.meta.dirname, "../test-results/e2e-server.log"), "utf8")
      .split("\n")
      .filter((l) => l.includes('"event":"metrics.open"'));
  expect(warnings()).toHaveLength(1);
  expect(JSON.parse(warnings()[0]!)).toMatchObject({
    level: 40,
    msg: expect.stringContaining("VIGIL_METRICS_TOKEN is not set"),
  });
  await metricsText();
  await metricsText();
  await new Promise((r) => setTimeout(r, 500));
  expect(warnings()).toHaveLength(1);
});

test("promtool accepts /metrics, which carries every family Vigil documents", async () => {
  const text = await metricsText();
  const check = promtoolCheckMetrics(text);
  expect(check.output).toBe("");
  expect(check.status).toBe(0);
  for (const family of [
    "http_requests_total",
    "http_request_duration_seconds",
    "web_vitals_lcp_seconds",
    "web_vitals_inp_seconds",
    "web_vitals_cls",
    "vigil_ingest_beacons_accepted_total",
    "vigil_ingest_beacons_rejected_total",
    "vigil_job_runs_total",
    "process_cpu_seconds_total",
    "nodejs_heap_size_used_bytes",
    "vigil_uptime_seconds",
  ]) {
    expect(text, family).toContain(`# TYPE ${family} `);
  }
});

test("the apt Prometheus scrapes Vigil and answers a query with the app's own count", async () => {
  const before = sample(await metricsText(), "http_requests_total", PROBE);
  await probe(3);
  await expect
    .poll(async () => sample(await metricsText(), "http_requests_total", PROBE), { timeout: 5_000 })
    .toBe(before + 3);
  const expected = before + 3;
  const prometheus = await startPrometheus(E2E_PORT + 20, `127.0.0.1:${E2E_PORT}`);
  try {
    await expect
      .poll(async () => (await prometheus.query('up{job="vigil"}'))[0]?.value[1], { timeout: 20_000 })
      .toBe("1");
    const q = `http_requests_total{site="${PROBE.site}",route="${PROBE.route}",method="${PROBE.method}",status="${PROBE.status}"}`;
    await expect
      .poll(async () => Number((await prometheus.query(q))[0]?.value[1] ?? -1), { timeout: 20_000 })
      .toBe(expected);
  } finally {
    await prometheus.stop();
  }
});

test("every response carries x-trace-id: the traceparent's trace id when valid, a fresh id otherwise", async () => {
  const traceId = randomBytes(16).toString("hex");
  const traced = await fetch(`${E2E_BASE_URL}/api/health`, {
    headers: { traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01` },
  });
  expect(traced.headers.get("x-trace-id")).toBe(traceId);
  for (const traceparent of [
    `00-${"f".repeat(8_000)}`,
    "ff-zz-yy-01",
    "00-00000000000000000000000000000000-0000000000000000-01",
    "\u0001garbage",
  ]) {
    const res = await fetch(`${E2E_BASE_URL}/login`, {
      headers: { traceparent: traceparent.replace(/[^\x20-\x7e]/g, "?"), "x-request-id": "<script>alert(1)</script>" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-trace-id")).toMatch(/^[\da-f]{32}$/);
    expect(res.headers.get("x-trace-id")).not.toBe("0".repeat(32));
  }
});

test("oversized headers are refused by the server without breaking requests or metrics", async () => {
  const huge = await fetch(`${E2E_BASE_URL}/api/health`, { headers: { "x-padding": "a".repeat(40_000) } }).then(
    (r) => r.status,
    () => "connection closed",
  );
  expect([431, "connection closed"]).toContain(huge);
  const after = await fetch(`${E2E_BASE_URL}/api/health`);
  expect(after.status).toBe(200);
  expect(promtoolCheckMetrics(await metricsText()).status).toBe(0);
});

test("Next.js spans reach the OTLP receiver under the response's trace id", async () => {
  const incoming = randomBytes(16).toString("hex");
  await fetch(`${E2E_BASE_URL}/api/health`, {
    headers: { traceparent: `00-${incoming}-${randomBytes(8).toString("hex")}-01` },
  });
  const fresh = (await fetch(`${E2E_BASE_URL}/login`)).headers.get("x-trace-id")!;
  for (const traceId of [incoming, fresh]) {
    const body = await waitForRecorded(
      "otlp",
      (all) => all.find((r) => r.path === "/v1/traces" && r.body.includes(traceId))?.body,
      20_000,
    );
    const spans = (
      JSON.parse(body) as {
        resourceSpans: Array<{
          resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
          scopeSpans: Array<{ spans: Array<{ traceId: string; name: string }> }>;
        }>;
      }
    ).resourceSpans;
    expect(spans[0]!.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue).toBe("vigil");
    expect(
      spans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)).filter((s) => s.traceId === traceId).length,
    ).toBeGreaterThan(0);
  }
});

test("ingest counters and web-vitals histograms follow the beacons the server accepted and refused", async () => {
  const route = `/telemetry/${randomBytes(4).toString("hex").replace(/\d/g, "x")}`;
  const before = await metricsText();
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${E2E_BASE_URL}/api/v1/vitals`, {
      method: "POST",
      body,
      headers: {
        "content-type": "text/plain",
        "user-agent":
          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
        ...headers,
      },
    });
  const beacon = JSON.stringify({
    v: 1,
    pageViewId: `pv_${randomBytes(8).toString("hex")}`,
    route,
    metrics: [
      { name: "LCP", value: 3100, id: "a" },
      { name: "CLS", value: 0.05, id: "b" },
    ],
  });
  expect((await post(beacon)).status).toBe(202);
  expect((await post(`{"v":1,"metrics":"nope"}`)).status).toBe(400);
  expect((await post("x".repeat(70_000))).status).toBe(413);
  const after = await metricsText();
  const delta = (name: string, labels: Record<string, string> = {}) =>
    sample(after, name, labels) - sample(before, name, labels);
  expect(delta("vigil_ingest_beacons_accepted_total")).toBe(1);
  expect(delta("vigil_ingest_values_accepted_total")).toBe(2);
  expect(delta("vigil_ingest_beacons_rejected_total", { reason: "validation_failed" })).toBe(1);
  expect(delta("vigil_ingest_beacons_rejected_total", { reason: "payload_too_large" })).toBe(1);
  // 3.1 s falls between the good (2.5 s) and poor (4 s) edges; a keyless beacon from no other origin is Vigil's.
  const series = { site: "vigil", route, device: "desktop" };
  expect(sample(after, "web_vitals_lcp_seconds_bucket", { le: "2.5", ...series })).toBe(0);
  expect(sample(after, "web_vitals_lcp_seconds_bucket", { le: "4", ...series })).toBe(1);
  expect(sample(after, "web_vitals_cls_bucket", { le: "0.1", ...series })).toBe(1);
});
