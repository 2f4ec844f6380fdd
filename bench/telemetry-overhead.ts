// Cost of Vigil's own request metrics: the same production build, one server with VIGIL_REQUEST_METRICS on and
// one with it off, loaded in alternating rounds on a trivial route. Target: metrics on keeps ≥ 95 % of the throughput.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:telemetry [-- --requests 20000 --rounds 6 --control]
import { provisionTestDatabase } from "../scripts/db/provision";
import { ensureBuild } from "../scripts/ensure-build";
import { resolve } from "node:path";
import { arg, load, rps, summary } from "./support/load";
import { medianOf } from "./support/stats";
import { benchServerEnv, pinSelf, startNext, type BenchServer } from "./support/next-server";

const root = resolve(import.meta.dirname, "..");

const REQUESTS = arg("requests", 20_000);
const CONNECTIONS = arg("connections", 50);
const ROUNDS = arg("rounds", 6);
const CONTROL = process.argv.includes("--control");

async function main() {
  const database = await provisionTestDatabase({ label: "bench_telemetry" });
  const env = benchServerEnv(database, {
    // Scheduled jobs would add background work of their own to both servers; only requests are measured here.
    VIGIL_SCHEDULER: "off",
    // The same build folder as bench:sentry's full build (same sources and settings), so neither evicts .next.
    VIGIL_SENTRY_SDK: "true",
    VIGIL_DIST_DIR: ".next-bench-full",
    NEXT_PUBLIC_SENTRY_DSN: "",
  });
  await ensureBuild(root, env, (l) => console.log(`[bench] ${l}`));
  // The servers get core 1 and autocannon core 0: sharing a core with the load generator was the main noise here.
  const pinned = pinSelf(0);
  const cpu = pinned ? { cpu: 1 } : {};
  console.log(
    `[bench] ${pinned ? "servers pinned to core 1, load generator to core 0" : "not pinned (taskset missing or one core)"}`,
  );
  const off = await startNext(
    root,
    3441,
    { ...env, AUTH_URL: "http://127.0.0.1:3441", VIGIL_REQUEST_METRICS: "false" },
    cpu,
  );
  // --control: both servers without metrics (an A/A run): how far apart two identical servers measure here.
  const on = await startNext(
    root,
    3442,
    { ...env, AUTH_URL: "http://127.0.0.1:3442", VIGIL_REQUEST_METRICS: CONTROL ? "false" : "true" },
    cpu,
  );
  try {
    // Server CPU time per request is measured beside req/s: the cost itself, a second view that depends less on how
    // the server and the load generator share the machine's two cores.
    const run = async (server: BenchServer, amount = REQUESTS) => {
      const cpu0 = server.cpuSeconds();
      const result = await load({
        url: `${server.base}/api/bench/empty`,
        method: "GET",
        amount,
        connections: CONNECTIONS,
      });
      return { result, cpuUs: ((server.cpuSeconds() - cpu0) * 1e6) / amount };
    };
    console.log(
      `[bench] GET /api/bench/empty, ${CONNECTIONS} connections, ${REQUESTS} requests per run, ${ROUNDS} rounds (off, on alternating)`,
    );
    await run(off, 5_000);
    await run(on, 5_000);
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which goes first, so a drift in machine load does not favour one side.
      let metricsOff: Awaited<ReturnType<typeof run>>;
      let metricsOn: Awaited<ReturnType<typeof run>>;
      if (round % 2) [metricsOff, metricsOn] = [await run(off), await run(on)];
      else [metricsOn, metricsOff] = [await run(on), await run(off)];
      ratios.push(rps(metricsOn.result) / rps(metricsOff.result));
      cpuRatios.push(metricsOff.cpuUs / metricsOn.cpuUs);
      const cpu = (r: { cpuUs: number }) => `  server CPU ${r.cpuUs.toFixed(0)} µs/request`;
      console.log(
        `round ${round}\n  ${summary("metrics off", metricsOff.result)}${cpu(metricsOff)}\n  ${summary("metrics on", metricsOn.result)}${cpu(metricsOn)}\n  ratio on/off: req/s ${ratios.at(-1)!.toFixed(3)}, capacity (CPU per request off/on) ${cpuRatios.at(-1)!.toFixed(3)}`,
      );
    }
    const counted = await fetch(`${on.base}/metrics`).then((r) => r.text());
    const line = counted
      .split("\n")
      .find((l) => l.startsWith('http_requests_total{route="/api/bench/empty",method="GET",status="204"}'));
    const expected = 5_000 + ROUNDS * REQUESTS;
    console.log(`\ncounted by the "on" server: ${line?.split(" ").at(-1)} (requests sent: ${expected})`);

    const median = medianOf(ratios);
    console.log(
      `req/s ratios on/off ${ratios.map((r) => r.toFixed(3)).join(" ")}; median ${median.toFixed(3)} (target ≥ 0.95)`,
    );
    console.log(
      `capacity ratios (server CPU per request, off/on) ${cpuRatios.map((r) => r.toFixed(3)).join(" ")}; median ${medianOf(cpuRatios).toFixed(3)}`,
    );
    process.exitCode = median >= 0.95 && (CONTROL || Number(line?.split(" ").at(-1)) === expected) ? 0 : 1;
  } finally {
    await Promise.all([off.stop(), on.stop()]);
    await database.teardown();
  }
}

await main();
