// Cost of Vigil's own request metrics: the same production build, one server with VIGIL_REQUEST_METRICS on and
// one with it off, loaded in alternating rounds on a trivial route. Target: metrics on keeps ≥ 95 % of the throughput.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:telemetry [-- --requests 20000 --rounds 4]
import { provisionTestDatabase } from "../scripts/db/provision";
import { ensureBuild } from "../scripts/ensure-build";
import { resolve } from "node:path";
import { arg, load, rps, summary } from "./support/load";
import { startNext } from "./support/next-server";

const root = resolve(import.meta.dirname, "..");

const REQUESTS = arg("requests", 20_000);
const CONNECTIONS = arg("connections", 50);
const ROUNDS = arg("rounds", 4);

async function main() {
  const database = await provisionTestDatabase({ label: "bench_telemetry" });
  const env = {
    ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: database.url, VIGIL_DB_EMBEDDED: database.embedded ? "1" : "0",
    AUTH_SECRET: "bench-only-secret-0123456789abcdefghij", LOG_LEVEL: "warn", VIGIL_BENCH_ENDPOINTS: "1",
  };
  await ensureBuild(root, env, (l) => console.log(`[bench] ${l}`));
  const off = await startNext(root, 3441, { ...env, AUTH_URL: "http://127.0.0.1:3441", VIGIL_REQUEST_METRICS: "false" });
  const on = await startNext(root, 3442, { ...env, AUTH_URL: "http://127.0.0.1:3442", VIGIL_REQUEST_METRICS: "true" });
  try {
    const run = (base: string, amount = REQUESTS) => load({ url: `${base}/api/bench/empty`, method: "GET", amount, connections: CONNECTIONS });
    console.log(`[bench] GET /api/bench/empty, ${CONNECTIONS} connections, ${REQUESTS} requests per run, ${ROUNDS} rounds (off, on alternating)`);
    await run(off.base, 5_000);
    await run(on.base, 5_000);
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which goes first, so a drift in machine load does not favour one side.
      let metricsOff, metricsOn;
      if (round % 2) [metricsOff, metricsOn] = [await run(off.base), await run(on.base)];
      else [metricsOn, metricsOff] = [await run(on.base), await run(off.base)];
      ratios.push(rps(metricsOn) / rps(metricsOff));
      console.log(`round ${round}\n  ${summary("metrics off", metricsOff)}\n  ${summary("metrics on", metricsOn)}\n  ratio on/off ${(rps(metricsOn) / rps(metricsOff)).toFixed(3)}`);
    }
    const counted = await fetch(`${on.base}/metrics`).then((r) => r.text());
    const line = counted.split("\n").find((l) => l.startsWith('http_requests_total{route="/api/bench/empty",method="GET",status="204"}'));
    const expected = 5_000 + ROUNDS * REQUESTS;
    console.log(`\ncounted by the "on" server: ${line?.split(" ").at(-1)} (requests sent: ${expected})`);
    const sorted = [...ratios].sort((x, y) => x - y);
    const mid = sorted.length / 2;
    const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    console.log(`ratios ${ratios.map((r) => r.toFixed(3)).join(" ")}; median ${median.toFixed(3)} (target ≥ 0.95)`);
    process.exitCode = median >= 0.95 && Number(line?.split(" ").at(-1)) === expected ? 0 : 1;
  } finally {
    await Promise.all([off.stop(), on.stop()]);
    await database.teardown();
  }
}

await main();
