// The whole stack's server cost: a build without the Sentry SDK and with Vigil's request metrics off (plain) vs the
// full build with Sentry enabled and request metrics on, side by side in one session.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:sentry [-- --requests 5000 --rounds 3]
import type { Result } from "autocannon";
import { resolve } from "node:path";
import { startRecorder } from "../e2e/support/recorder";
import { provisionTestDatabase } from "../scripts/db/provision";
import { ensureBuild } from "../scripts/ensure-build";
import { arg, beacon, beaconsFor, load, rps, summary } from "./support/load";
import { benchServerEnv, startNext, type BenchServer } from "./support/next-server";
import { medianOf } from "./support/stats";

const root = resolve(import.meta.dirname, "..");
const PORTS = { plain: 3451, full: 3452, receiver: 3459 } as const;
const REQUESTS = arg("requests", 5_000);
const WARMUP = arg("warmup", 3_000);
const CONNECTIONS = arg("connections", 50);
const ROUNDS = arg("rounds", 3);
const TARGET = 0.8;

type Build = "plain" | "full";
// `pageViews`: a beacon per page view (the server stores a repeated one once, which would measure replays).
type Route = {
  name: string;
  path: string;
  method: "GET" | "POST";
  body: () => string;
  gated: boolean;
  pageViews?: boolean;
};
const ROUTES: Route[] = [
  { name: "health", path: "/api/health", method: "GET", body: () => "", gated: true },
  {
    name: "vitals",
    path: "/api/v1/vitals",
    method: "POST",
    body: () => beacon("/bench/sentry"),
    gated: true,
    pageViews: true,
  },
  { name: "empty", path: "/api/bench/empty", method: "POST", body: () => "", gated: false },
];

type Envelope = { body: string };
const receiverUrl = `http://127.0.0.1:${PORTS.receiver}`;
const recorded = async (): Promise<Envelope[]> =>
  (await fetch(`${receiverUrl}/__recorded`)).json() as Promise<Envelope[]>;

/** Throws on an untraced route of the full build, both uncaught and through apiRoute; true when both arrive. */
async function errorsStillCaptured(full: BenchServer): Promise<boolean> {
  const markers = [`uncaught-${Date.now()}`, `handled-${Date.now()}`];
  await fetch(`${full.base}/api/bench/crash?marker=${markers[0]}`, { method: "POST" });
  await fetch(`${full.base}/api/bench/crash?via=handler&marker=${markers[1]}`, { method: "POST" });
  for (let i = 0; i < 50; i++) {
    const bodies = (await recorded()).map((e) => e.body);
    const found = markers.map((m) => bodies.some((b) => b.includes(m) && b.includes('"type":"event"')));
    if (found.every(Boolean)) return true;
    if (i === 49) console.log(`  captured: ${markers.map((m, n) => `${m} ${found[n] ? "yes" : "NO"}`).join(", ")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function main() {
  const database = await provisionTestDatabase({ label: "bench_sentry" });
  const receiver = await startRecorder(PORTS.receiver);
  const common = benchServerEnv(database, {
    LOG_LEVEL: "silent",
    VIGIL_INGEST_RATE_PER_MINUTE: "10000000",
    SENTRY_DSN: "",
    NEXT_PUBLIC_SENTRY_DSN: "",
    OTEL_EXPORTER_OTLP_ENDPOINT: "",
    VIGIL_SCHEDULER: "off",
  });
  // Separate build folders so both builds coexist and neither disturbs .next (e2e, npm start).
  const envs: Record<Build, NodeJS.ProcessEnv> = {
    plain: {
      ...common,
      VIGIL_SENTRY_SDK: "false",
      VIGIL_REQUEST_METRICS: "false",
      VIGIL_DIST_DIR: ".next-bench-plain",
      AUTH_URL: `http://127.0.0.1:${PORTS.plain}`,
    },
    full: {
      ...common,
      VIGIL_SENTRY_SDK: "true",
      VIGIL_REQUEST_METRICS: "true",
      VIGIL_DIST_DIR: ".next-bench-full",
      AUTH_URL: `http://127.0.0.1:${PORTS.full}`,
      SENTRY_DSN: `http://public@127.0.0.1:${PORTS.receiver}/1`,
    },
  };
  const servers: Partial<Record<Build, BenchServer>> = {};
  try {
    for (const build of ["plain", "full"] as const)
      await ensureBuild(root, envs[build], (l) => console.log(`[bench] ${build}: ${l}`));
    for (const build of ["plain", "full"] as const) servers[build] = await startNext(root, PORTS[build], envs[build]);
    let runs = 0;
    const run = async (build: Build, route: Route, amount: number) => {
      const server = servers[build]!;
      const cpu0 = server.cpuSeconds();
      const bodyFor = route.pageViews ? beaconsFor(`${build}${++runs}`, () => "/bench/sentry") : undefined;
      const result = await load({
        url: `${server.base}${route.path}`,
        method: route.method,
        body: route.body(),
        bodyFor,
        amount,
        connections: CONNECTIONS,
      });
      return Object.assign(result, { cpuUs: ((server.cpuSeconds() - cpu0) * 1e6) / amount });
    };

    console.log(
      `[bench] ${CONNECTIONS} connections, ${REQUESTS} requests per run, ${WARMUP} warm-up per build and route, ${ROUNDS} rounds`,
    );
    for (const route of ROUTES) for (const build of ["plain", "full"] as const) await run(build, route, WARMUP);

    const ratios = new Map<string, number[]>(ROUTES.map((r) => [r.name, []]));
    const cpuRatios = new Map<string, number[]>(ROUTES.map((r) => [r.name, []]));
    let clean = true;
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternate which build goes first so drift (other agents' builds, thermal) does not favour one side.
      const order: Build[] = round % 2 ? ["plain", "full"] : ["full", "plain"];
      console.log(`round ${round} (${order.join(" then ")})`);
      for (const route of ROUTES) {
        const results = {} as Record<Build, Result & { cpuUs: number }>;
        for (const build of order) results[build] = await run(build, route, REQUESTS);
        const ratio = rps(results.full) / rps(results.plain);
        ratios.get(route.name)!.push(ratio);
        cpuRatios.get(route.name)!.push(results.plain.cpuUs / results.full.cpuUs);
        clean &&= [results.plain, results.full].every((r) => r.non2xx === 0 && r.errors === 0);
        const line = (b: Build) =>
          `  ${summary(`${route.name}/${b}`.padEnd(13), results[b])}  server CPU ${results[b].cpuUs.toFixed(0)} µs/request`;
        console.log(
          `${line("plain")}\n${line("full")}\n  ratio full/plain: req/s ${ratio.toFixed(2)}, capacity (CPU per request plain/full) ${cpuRatios.get(route.name)!.at(-1)!.toFixed(2)}`,
        );
      }
    }
    const sent = await recorded();
    const transactions = sent.filter((e) => e.body.includes('"type":"transaction"')).length;
    console.log(`\n[receiver] ${sent.length} envelopes arrived during the load (${transactions} transactions)`);
    const captured = await errorsStillCaptured(servers.full!);
    console.log(
      `[receiver] errors thrown on an untraced route (uncaught and handled) arrived: ${captured ? "yes" : "NO"}`,
    );

    console.log("\nper route: median full/plain req/s over rounds (all rounds); capacity median");
    let pass = captured && clean;
    for (const route of ROUTES) {
      const all = ratios.get(route.name)!;
      const median = medianOf(all);
      if (route.gated) pass &&= median >= TARGET;
      console.log(
        `  ${route.name.padEnd(7)} ${median.toFixed(2)}  (${all.map((r) => r.toFixed(2)).join(", ")})${route.gated ? `  target ≥ ${TARGET}` : ""}; capacity ${medianOf(cpuRatios.get(route.name)!).toFixed(2)}`,
      );
    }
    console.log(`all responses 2xx: ${clean}`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    await new Promise((r) => receiver.close(r));
    await database.teardown();
  }
}

await main();
