// OTLP ingest: latency of one 1,000-point export (target p99 < 50 ms) and points/s under concurrent exports, against
// the echo handler (Next.js's own cost of receiving the same bytes) on the same production build, side by side.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:otlp [-- --exports 2000]
import { resolve } from "node:path";
import autocannon, { type Result } from "autocannon";
import pg from "pg";
import { contentTypeOf, sdkRecorder } from "../lib/otlp/testing/sdk-payloads";
import { hashSecret, newPublicKey, newSecretKey, secretHint } from "../lib/sites/keys";
import { provisionTestDatabase } from "../scripts/db/provision";
import { ensureBuild } from "../scripts/ensure-build";
import { arg } from "./support/load";
import { benchServerEnv, pinSelf, startNext } from "./support/next-server";

const root = resolve(import.meta.dirname, "..");
const PORT = 3433;
const BASE = `http://127.0.0.1:${PORT}`;
const EXPORTS = arg("exports", 2_000);
const POINTS = 1_000;

async function payload(): Promise<Uint8Array> {
  const r = sdkRecorder({
    temporality: "delta",
    aggregation: "explicit",
    resource: { "service.name": "bench", "service.instance.id": "b-1" },
  });
  const methods = ["GET", "POST"];
  const statuses = [200, 201, 404, 500, 503];
  // 100 routes × 2 methods × 5 statuses = 1,000 attribute sets, so 1,000 data points per export.
  for (let route = 0; route < 100; route++)
    for (const method of methods)
      for (const status of statuses)
        for (let i = 0; i < 3; i++)
          r.record(0.01 * (1 + ((route + i) % 40)), {
            "http.route": `/bench/r${String.fromCharCode(97 + (route % 26))}${Math.floor(route / 26)}`,
            "http.request.method": method,
            "http.response.status_code": status,
          });
  const body = await r.export("protobuf");
  await r.shutdown();
  return body;
}

function run(path: string, body: Uint8Array, headers: Record<string, string>, connections: number, amount: number) {
  return new Promise<Result>((done, fail) =>
    autocannon(
      { url: `${BASE}${path}`, method: "POST", connections, amount, body: Buffer.from(body), headers },
      (err, result) => (err ? fail(err) : done(result)),
    ),
  );
}

const line = (name: string, r: Result, pointsPerRequest: number) =>
  `${name.padEnd(22)} p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(4)} ms  ` +
  `${r.requests.average.toFixed(0).padStart(5)} req/s  ${(r.requests.average * pointsPerRequest).toFixed(0).padStart(7)} points/s  ` +
  `2xx ${r["2xx"]}  non-2xx ${r.non2xx}`;

async function main() {
  const database = await provisionTestDatabase({ label: "bench_otlp" });
  const env = benchServerEnv(database, {
    AUTH_URL: BASE,
  });
  await ensureBuild(root, env, (l) => console.log(`[bench] ${l}`));
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const secret = newSecretKey();
  const {
    rows: [site],
  } = await db.query<{ id: number }>(
    `INSERT INTO sites (slug, name, public_key, secret_hash, secret_hint, created_at)
     VALUES ('bench', 'Bench', $1, $2, $3, now() - interval '1 day') RETURNING id`,
    [newPublicKey(), hashSecret(secret), secretHint(secret)],
  );
  const pinned = pinSelf(0);
  const server = await startNext(root, PORT, env, pinned ? { cpu: 1 } : {});
  try {
    const body = await payload();
    const otlp = { "content-type": contentTypeOf("protobuf"), "x-vigil-key": secret };
    const echo = { "content-type": "text/plain" };
    console.log(
      `[bench] one export: ${POINTS} points, ${body.byteLength} bytes protobuf; ${EXPORTS} exports per run; pinned: ${pinned}`,
    );
    await run("/v1/metrics", body, otlp, 4, 200); // warm-up: JIT, pool, the day's routes
    await run("/api/bench/echo", body, echo, 4, 200);

    const echo1 = await run("/api/bench/echo", body, echo, 1, 300);
    const otlp1 = await run("/v1/metrics", body, otlp, 1, 300);
    console.log("one export at a time (latency)");
    console.log(`  ${line("echo (same bytes)", echo1, 0)}`);
    console.log(`  ${line("otlp", otlp1, POINTS)}`);
    const echo8 = await run("/api/bench/echo", body, echo, 8, EXPORTS);
    const otlp8 = await run("/v1/metrics", body, otlp, 8, EXPORTS);
    console.log("8 exports at a time (throughput)");
    console.log(`  ${line("echo (same bytes)", echo8, 0)}`);
    console.log(`  ${line("otlp", otlp8, POINTS)}`);

    const { rows } = await db.query<{ n: string }>(
      "SELECT coalesce(sum(count), 0) AS n FROM request_rollups WHERE site_id = $1 AND grain = 'minute'",
      [site!.id],
    );
    const accepted = 200 + otlp1["2xx"] + otlp8["2xx"];
    const exact = Number(rows[0]!.n) === accepted * 3 * POINTS;
    console.log(
      `\nrequests stored ${rows[0]!.n} = accepted exports × 3,000 (${accepted * 3 * POINTS}): ${exact ? "yes" : "NO"}`,
    );
    console.log(
      `p99 of one export ${otlp1.latency.p99} ms (target < 50 ms); ratio otlp/echo req/s at 8 at a time ${(otlp8.requests.average / echo8.requests.average).toFixed(2)}`,
    );
    process.exitCode = exact && otlp1.latency.p99 < 50 && otlp1.non2xx + otlp8.non2xx === 0 ? 0 : 1;
  } finally {
    await db.end();
    await server.stop();
    await database.teardown();
  }
}

await main();
