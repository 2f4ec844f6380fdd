// Ingest throughput vs an empty route handler in the same production build and process, side by side.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:ingest [-- --requests 10000]
import { resolve } from "node:path";
import pg from "pg";
import { provisionTestDatabase } from "../scripts/db/provision";
import { ensureBuild } from "../scripts/ensure-build";
import { arg, beacon, load as loadAt, rps, summary } from "./support/load";
import { startNext } from "./support/next-server";

const root = resolve(import.meta.dirname, "..");
const PORT = 3431;
const BASE = `http://127.0.0.1:${PORT}`;
const REQUESTS = arg("requests", 10_000);
const CONNECTIONS = arg("connections", 50);
const ROUNDS = arg("rounds", 2);
const load = (path: string, body: string, amount: number) => loadAt({ url: `${BASE}${path}`, body, amount, connections: CONNECTIONS });

async function main() {
  const database = await provisionTestDatabase({ label: "bench_ingest" });
  const env = {
    ...process.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: database.url, VIGIL_DB_EMBEDDED: database.embedded ? "1" : "0",
    AUTH_SECRET: "bench-only-secret-0123456789abcdefghij", AUTH_URL: BASE, LOG_LEVEL: "warn",
    VIGIL_BENCH_ENDPOINTS: "1", VIGIL_INGEST_RATE_PER_MINUTE: "10000000",
  };
  await ensureBuild(root, env, (l) => console.log(`[bench] ${l}`));
  const server = await startNext(root, PORT, env);
  try {
    console.log(`[bench] ${CONNECTIONS} connections, ${REQUESTS} requests per run, ${ROUNDS} rounds, database: ${database.embedded ? "embedded PGlite" : "PostgreSQL"}`);
    // Equal warm-up for both (JIT, connection pool, first growth of the fresh tables): steady state is measured.
    await load("/api/bench/empty", "", 5_000);
    await load("/api/v1/vitals", beacon("/warmup"), 5_000);

    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const ratios: number[] = [];
    let rowsOk = true;
    for (let round = 1; round <= ROUNDS; round++) {
      const route = `/bench/round-${"abcdefgh"[round - 1] ?? round}`; // no digits: numeric segments normalise to [id]
      const empty = await load("/api/bench/empty", "", REQUESTS);
      const ingest = await load("/api/v1/vitals", beacon(route), REQUESTS);
      const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM vitals WHERE route = $1", [route]);
      const stored = Number(rows[0]!.n);
      const accepted = ingest["2xx"];
      rowsOk &&= stored === accepted * 5 && ingest.non2xx === 0 && ingest.errors === 0;
      ratios.push(rps(ingest) / rps(empty));
      console.log(`round ${round}\n  ${summary("empty", empty)}\n  ${summary("ingest", ingest)}`);
      console.log(`  ratio ingest/empty ${(rps(ingest) / rps(empty)).toFixed(2)}   rows stored ${stored} = 202s × 5 (${accepted * 5}): ${stored === accepted * 5 ? "yes" : "NO"}`);
      console.log(`  metric values/s ${(rps(ingest) * 5).toFixed(0)}   ingest p99 ${ingest.latency.p99} ms (target < 150 ms at ≥ 500 beacons/s)`);
    }
    await db.end();
    const ratio = Math.min(...ratios);
    console.log(`\nworst ratio ${ratio.toFixed(2)} (target ≥ 0.60); rows == 202 × 5 in every round: ${rowsOk}`);
    process.exitCode = ratio >= 0.6 && rowsOk ? 0 : 1;
  } finally {
    await server.stop();
    await database.teardown();
  }
}

await main();
