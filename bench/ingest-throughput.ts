// Ingest throughput vs an empty route handler in the same production build and process, side by side, then a
// high-cardinality round (a new route template on every beacon) against the single-route round.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:ingest [-- --requests 10000]
import { resolve } from "node:path";
import pg from "pg";
import { provisionTestDatabase } from "../scripts/db/provision";
import { ensureBuild } from "../scripts/ensure-build";
import { arg, beaconsFor, load as loadAt, rps, summary } from "./support/load";
import { benchServerEnv, pinSelf, startNext } from "./support/next-server";

const root = resolve(import.meta.dirname, "..");
const PORT = 3431;
const BASE = `http://127.0.0.1:${PORT}`;
const REQUESTS = arg("requests", 10_000);
const CONNECTIONS = arg("connections", 50);
const ROUNDS = arg("rounds", 2);
const DISTINCT_ROUTES = arg("distinct-routes", 10_000);
const load = (path: string, bodyFor: (n: number) => string, amount: number) =>
  loadAt({ url: `${BASE}${path}`, bodyFor, amount, connections: CONNECTIONS });
const none = () => "";
// Route segments without digits: numeric segments normalise to [id].
const letters = (n: number) => n.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));

async function main() {
  const database = await provisionTestDatabase({ label: "bench_ingest" });
  const env = benchServerEnv(database, {
    AUTH_URL: BASE,
    VIGIL_INGEST_RATE_PER_MINUTE: "10000000",
    // Every beacon of the bench is Vigil's own: the per-site budget must not be what is measured.
    VIGIL_SITE_RATE_PER_MINUTE: "10000000",
  });
  await ensureBuild(root, env, (l) => console.log(`[bench] ${l}`));
  // The server on one core, this process (autocannon) on the other, as bench:telemetry does: less noise between runs.
  const pinned = pinSelf(0);
  const server = await startNext(root, PORT, env, pinned ? { cpu: 1 } : {});
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  // Rows stored by one run: every run has its own page-view prefix, whatever route the server stored them under.
  // Beacons without a site key from no foreign origin are Vigil's own (site 1), which the count also checks.
  const storedRows = async (runId: string) =>
    Number(
      (
        await db.query<{ n: string }>("SELECT count(*) AS n FROM vitals WHERE site_id = 1 AND page_view_id LIKE $1", [
          `pv\\_${runId}\\_%`,
        ])
      ).rows[0]!.n,
    );
  try {
    console.log(
      `[bench] ${CONNECTIONS} connections, ${REQUESTS} requests per run, ${ROUNDS} rounds, database: ${database.embedded ? "embedded PGlite" : "PostgreSQL"}, pinned: ${pinned}`,
    );
    // Equal warm-up for both (JIT, connection pool, first growth of the fresh tables): steady state is measured.
    await load("/api/bench/empty", none, 5_000);
    await load(
      "/api/bench/echo",
      beaconsFor("echo", () => "/echo"),
      5_000,
    );
    await load(
      "/api/v1/vitals",
      beaconsFor("warmup", () => "/warmup"),
      5_000,
    );

    const ratios: number[] = [];
    const echoRatios: number[] = [];
    const singleRps: number[] = [];
    let rowsOk = true;
    for (let round = 1; round <= ROUNDS; round++) {
      const name = "abcdefgh"[round - 1] ?? letters(round);
      const empty = await load("/api/bench/empty", none, REQUESTS);
      // Next.js's own share: the same beacons read by a handler that does nothing with them.
      const echo = await load(
        "/api/bench/echo",
        beaconsFor(`e${round}`, () => `/bench/round-${name}`),
        REQUESTS,
      );
      const ingest = await load(
        "/api/v1/vitals",
        beaconsFor(`r${round}`, () => `/bench/round-${name}`),
        REQUESTS,
      );
      const stored = await storedRows(`r${round}`);
      const accepted = ingest["2xx"];
      rowsOk &&= stored === accepted * 5 && ingest.non2xx === 0 && ingest.errors === 0;
      ratios.push(rps(ingest) / rps(empty));
      echoRatios.push(rps(ingest) / rps(echo));
      singleRps.push(rps(ingest));
      console.log(
        `round ${round}\n  ${summary("empty", empty)}\n  ${summary("echo", echo)}\n  ${summary("ingest", ingest)}`,
      );
      console.log(
        `  ratio ingest/empty ${(rps(ingest) / rps(empty)).toFixed(2)}   echo/empty ${(rps(echo) / rps(empty)).toFixed(2)}   ingest/echo ${(rps(ingest) / rps(echo)).toFixed(2)}   rows stored ${stored} = 202s × 5 (${accepted * 5}): ${stored === accepted * 5 ? "yes" : "NO"}`,
      );
      console.log(`  metric values/s ${(rps(ingest) * 5).toFixed(0)}   ingest p99 ${ingest.latency.p99} ms`);
    }

    // A new route on every beacon (a hostile or misconfigured client): the daily cap stores the first ones and
    // folds the rest into "(other)"; throughput is compared with the single-route rounds just measured.
    const amount = Math.max(REQUESTS, DISTINCT_ROUTES);
    const hc = await load(
      "/api/v1/vitals",
      beaconsFor("hc", (n) => `/bench/hc/${letters(n % DISTINCT_ROUTES)}`),
      amount,
    );
    const hcStored = await storedRows("hc");
    rowsOk &&= hcStored === hc["2xx"] * 5 && hc.non2xx === 0 && hc.errors === 0;
    const routes = await db.query<{ named: string; other: string }>(
      `SELECT count(DISTINCT route) FILTER (WHERE route LIKE '/bench/hc/%') AS named, count(*) FILTER (WHERE route = '(other)') AS other FROM vitals WHERE site_id = 1 AND page_view_id LIKE 'pv\\_hc\\_%'`,
    );
    const single = singleRps.reduce((a, b) => a + b, 0) / singleRps.length;
    console.log(`high cardinality (${DISTINCT_ROUTES} distinct routes)\n  ${summary("ingest", hc)}`);
    console.log(
      `  routes stored ${routes.rows[0]!.named}, rows under (other) ${routes.rows[0]!.other}; rows stored ${hcStored} = 202s × 5: ${hcStored === hc["2xx"] * 5 ? "yes" : "NO"}`,
    );
    console.log(`  ratio high-cardinality/single-route ${(rps(hc) / single).toFixed(2)} (goal ≥ 0.80)`);

    const ratio = Math.min(...ratios);
    console.log(
      `\nworst ratio ingest/empty ${ratio.toFixed(2)} (target ≥ 0.80), ingest/echo ${Math.min(...echoRatios).toFixed(2)}; high-cardinality/single-route ${(rps(hc) / single).toFixed(2)}; rows == 202 × 5 in every run: ${rowsOk}`,
    );
    process.exitCode = ratio >= 0.8 && rowsOk ? 0 : 1;
  } finally {
    await db.end();
    await server.stop();
    await database.teardown();
  }
}

await main();
