// /admin/sites read model with many sites: every site gets a busy day of request rollups, 30 days of hourly ones,
// hourly LCP rollups and two monitors probed every minute for 30 days; loadAllSites is timed cold and warm.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:sites [-- --sites 10 --runs 5]
import pg from "pg";
import { provisionTestDatabase } from "../scripts/db/provision";
import { arg } from "./support/load";
import { medianOf } from "./support/stats";

const SITES = arg("sites", 10);
const RUNS = arg("runs", 5);
const ROUTES = arg("routes", 20);
const MONITORS = arg("monitors", 2);

// One site's data, generated in SQL (fast to seed, shaped like real traffic). $1 = site id.
const SEED = [
  // Minute request rollups for the last 24 h (2xx and a few 5xx per route), and hourly ones for 30 days.
  `INSERT INTO request_rollups (site_id, grain, bucket_start, route, method, status_class, count, duration_sum_ms, hist)
   SELECT $1::int, g.grain::"RequestGrain", g.b, '/r/' || r, 'GET', s.cls, s.n * g.mult, s.n * g.mult * 40,
     jsonb_build_object('150', s.n * g.mult)
   FROM (SELECT 'minute' AS grain, b, 1 AS mult FROM generate_series(date_trunc('minute', now()) - interval '24 hours', now(), interval '1 minute') b
         UNION ALL SELECT 'hour', b, 60 FROM generate_series(date_trunc('hour', now()) - interval '30 days', now(), interval '1 hour') b) g,
     generate_series(1, ${ROUTES}) r, (VALUES (2, 30), (5, 1)) s(cls, n)`,
  // Hourly LCP rollups over 24 h and daily ones over 30 days, all routes and devices ("*", all) and per route.
  `INSERT INTO vital_rollups (site_id, grain, bucket_start, metric, route, device, count, good, needs_improvement, poor, sum, hist)
   SELECT $1::int, g.grain::"RollupGrain", g.b, 'LCP', rt, 'all', 100, 80, 15, 5, 250000, '{"200": 100}'::jsonb
   FROM (SELECT 'hour' AS grain, b FROM generate_series(date_trunc('hour', now()) - interval '24 hours', now(), interval '1 hour') b
         UNION ALL SELECT 'day', b FROM generate_series(date_trunc('day', now()) - interval '30 days', now(), interval '1 day') b) g,
     (SELECT '*' AS rt UNION ALL SELECT '/r/' || r FROM generate_series(1, ${ROUTES}) r) routes`,
  `INSERT INTO monitors (site_id, id, slug, name, kind, url, next_check_at, updated_at)
   SELECT $1::int, 'm' || $1::int || '_' || k, 'm' || k, 'Monitor ' || k, 'http', 'https://example.com/' || k, '2100-01-01', now()
   FROM generate_series(1, ${MONITORS}) k`,
  `INSERT INTO probe_results (site_id, monitor_id, ts, ok, status_code, latency_ms)
   SELECT $1::int, 'm' || $1::int || '_' || k, t, (extract(epoch FROM t)::bigint / 60) % 997 <> 0, 200, 80
   FROM generate_series(1, ${MONITORS}) k, generate_series(now() - interval '30 days', now(), interval '1 minute') t`,
];

/** Vigil's own site and SITES - 1 more, all with data; returns their ids. */
async function seed(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = [1];
    for (let i = 1; i < SITES; i++) {
      const { rows } = await client.query<{ id: number }>(
        "INSERT INTO sites (slug, name, public_key) VALUES ($1, $2, $3) RETURNING id",
        [`site-${i}`, `Site ${i}`, `pk_${String(i).padStart(24, "0")}`],
      );
      ids.push(rows[0]!.id);
    }
    for (const id of ids) for (const sql of SEED) await client.query(sql, [id]);
    await client.query("ANALYZE");
    return ids;
  } finally {
    await client.end();
  }
}

async function main() {
  const database = await provisionTestDatabase({ label: "bench_sites" });
  let disconnect: (() => Promise<void>) | undefined;
  try {
    const t0 = performance.now();
    const ids = await seed(database.url);
    console.log(`[bench] ${SITES} sites seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // lib/env reads the environment once, at import: point it at the seeded database first.
    process.env.DATABASE_URL = database.url;
    process.env.VIGIL_DB_EMBEDDED = database.embedded ? "1" : "0";
    process.env.AUTH_SECRET ??= "bench-only-secret-0123456789abcdefghij";
    process.env.LOG_LEVEL ??= "warn";
    const { loadAllSites, loadSiteFigures } = await import("../lib/overview/all-sites");
    disconnect = async () => (await import("../lib/db")).getDb().$disconnect();
    const time = async <T>(fn: () => Promise<T>) => {
      const t = performance.now();
      const value = await fn();
      return { ms: performance.now() - t, value };
    };
    const first = await time(loadAllSites);
    const s = first.value.sites.at(-1)!;
    console.log(`[bench] first page (nothing kept): ${first.ms.toFixed(0)} ms for ${first.value.sites.length} sites`);
    console.log(
      `[bench] e.g. ${s.slug}: error rate ${s.requests24h?.errorRate}, p95 ${s.requests24h?.p95}, LCP p75 ${s.lcp24h?.value}, uptime ${s.uptime30d?.worst?.text}, budget ${s.errorBudget?.worst?.remaining}`,
    );
    const pages: number[] = [];
    for (let run = 0; run < RUNS; run++) pages.push((await time(loadAllSites)).ms);
    console.log(`[bench] next pages (figures kept): median ${medianOf(pages).toFixed(1)} ms`);
    // What a refresh costs: each site's figures computed again, one site at a time.
    const serial: number[] = [];
    for (const id of ids) serial.push((await time(() => loadSiteFigures(id))).ms);
    console.log(
      `[bench] one site's figures: median ${medianOf(serial).toFixed(0)} ms, max ${Math.max(...serial).toFixed(0)} ms`,
    );
  } finally {
    await disconnect?.().catch(() => undefined);
    await database.teardown();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
