// p75 per route over 30 days for one site among SITES: Vigil's rollup path vs percentile_cont on the raw table
// (day partitions, ADR 0011), side by side in one run.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:query [-- --rows 10000000 --reseed]
import pg from "pg";
import { migrateDeploy } from "../scripts/db/migrate";
import { withDatabase } from "../lib/db/pg-compat";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const ROWS = Number(arg("rows", "10000000"));
const ROUTES = 20;
// Rows are spread evenly over the sites; the bench reads one of them, as a console page does.
const SITES = 10;
const SITE = 4;
const DB_NAME = `vigil_bench_vitals_${ROWS}`;
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error("Set DATABASE_URL to a Postgres server the bench may create a database on");
const url = withDatabase(adminUrl, DB_NAME);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async <T>(fn: () => Promise<T>) => {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
};

// Realistic shape: lognormal values per metric, skewed traffic over 20 routes, 3 devices, 30 days, SITES sites
// (each gets every metric: the site follows g / 5, the metric g % 5). Each row goes into the partition of its day.
const SEED_CHUNK = `
INSERT INTO vitals (site_id, day, ts, metric, value, rating, route, device, browser, navigation_type, connection,
                    page_view_id, metric_id)
SELECT site_id, (ts AT TIME ZONE 'UTC')::date, ts, metric::"VitalMetric", value,
  (CASE WHEN value <= good THEN 'good' WHEN value <= poor THEN 'needs-improvement' ELSE 'poor' END)::"VitalRating",
  route, device::"DeviceClass", 'Chrome', 'navigate', '4g', 'pv' || g, 'm' || g
FROM (
  SELECT g, 1 + (g / 5) % ${SITES} AS site_id, now() - random() * interval '30 days' AS ts, k.metric, k.good, k.poor,
    '/r/' || floor(${ROUTES} * power(random(), 2))::int AS route,
    (ARRAY['mobile','desktop','tablet'])[1 + floor(random() * 3)::int] AS device,
    round((k.median * exp(k.sigma * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())))::numeric, 4)::float8 AS value
  FROM generate_series($1::bigint, $2::bigint) g
  JOIN (VALUES (0, 'LCP', 2200.0, 0.6, 2500, 4000), (1, 'INP', 150.0, 0.9, 200, 500), (2, 'CLS', 0.05, 1.1, 0.1, 0.25),
               (3, 'FCP', 1500.0, 0.6, 1800, 3000), (4, 'TTFB', 500.0, 0.7, 800, 1800)) AS k(i, metric, median, sigma, good, poor)
    ON k.i = g % 5
) s`;

// Same cube as lib/vitals/rollup.ts, per site: every (route, device), each route over all devices, all routes per
// device, all.
const ROLLUP_FROM_RAW = (grain: "hour" | "day") => `
INSERT INTO vital_rollups (site_id, grain, bucket_start, metric, route, device, count, good, needs_improvement, poor,
                           sum, hist)
SELECT site_id, '${grain}', b, metric, coalesce(route, '*'), coalesce(device, 'all'::"DeviceClass"), sum(n)::int,
  sum(good)::int, sum(ni)::int, sum(poor)::int, sum(s), jsonb_object_agg(bucket, n)
FROM (
  SELECT site_id, b, metric, route, device, bucket, count(*) AS n, count(*) FILTER (WHERE rating = 'good') AS good,
    count(*) FILTER (WHERE rating = 'needs-improvement') AS ni, count(*) FILTER (WHERE rating = 'poor') AS poor, sum(value) AS s
  FROM (SELECT site_id, date_trunc('${grain}', ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS b, metric, route, device,
               vigil_hist_bucket(value) AS bucket, rating, value FROM vitals) v
  GROUP BY GROUPING SETS ((site_id, b, metric, bucket, route, device), (site_id, b, metric, bucket, route),
                          (site_id, b, metric, bucket, device), (site_id, b, metric, bucket))
) x GROUP BY site_id, b, metric, route, device`;

// The other sites (Vigil itself is site 1, made by the migration) and the partitions of the 30 days and today.
const PREPARE_SITES_AND_DAYS = `
INSERT INTO sites (id, slug, name, public_key)
SELECT i, 'bench-' || i, 'Bench ' || i, 'pk_' || lpad(i::text, 24, '0') FROM generate_series(2, ${SITES}) AS i
ON CONFLICT (id) DO NOTHING;
SELECT setval(pg_get_serial_sequence('sites', 'id'), ${SITES});
SELECT vigil_ensure_vitals_partition((now() AT TIME ZONE 'UTC')::date - i) FROM generate_series(0, 31) AS i;`;

async function prepare() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME])).rowCount === 1;
  if (exists && process.argv.includes("--reseed")) await admin.query(`DROP DATABASE ${DB_NAME} WITH (FORCE)`);
  if (!exists || process.argv.includes("--reseed")) await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  await migrateDeploy(url);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ n: string }>("SELECT count(*) AS n FROM vitals");
  if (Number(rows[0]!.n) !== ROWS) {
    console.log(`seeding ${ROWS.toLocaleString()} raw vitals into ${DB_NAME} (kept for later runs; --reseed to redo)`);
    await c.query("TRUNCATE vitals, vital_rollups");
    await c.query(PREPARE_SITES_AND_DAYS);
    const chunk = 1_000_000;
    for (let from = 1; from <= ROWS; from += chunk) {
      const to = Math.min(ROWS, from + chunk - 1);
      const { ms } = await time(() => c.query(SEED_CHUNK, [from, to]));
      console.log(`  rows ${from.toLocaleString()}–${to.toLocaleString()} in ${(ms / 1000).toFixed(1)} s`);
    }
    for (const grain of ["hour", "day"] as const) {
      const { ms } = await time(() => c.query(ROLLUP_FROM_RAW(grain)));
      console.log(`  ${grain} rollups built in ${(ms / 1000).toFixed(1)} s`);
    }
    await c.query("VACUUM ANALYZE vitals");
    await c.query("VACUUM ANALYZE vital_rollups");
  }
  const sizes = await c.query<{ raw: string; rollups: string; n: string }>(
    // A partitioned table has no storage of its own: its size is its partitions'.
    `SELECT pg_size_pretty((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'vitals'::regclass)) AS raw,
       pg_size_pretty(pg_total_relation_size('vital_rollups')) AS rollups, (SELECT count(*) FROM vital_rollups)::text AS n`,
  );
  console.log(`raw table ${sizes.rows[0]!.raw}; rollups ${sizes.rows[0]!.rollups} in ${sizes.rows[0]!.n} rows`);
  return c;
}

async function main() {
  const raw = await prepare();
  Object.assign(process.env, {
    DATABASE_URL: url,
    AUTH_SECRET: "bench-only-secret-0123456789abcdefghij",
    LOG_LEVEL: "warn",
    VIGIL_DB_EMBEDDED: "0",
  });
  const { readWindowRollups } = await import("../lib/vitals/rollup-repository");
  const { byRoute } = await import("../lib/vitals/read-model");
  const { windowPlanFor } = await import("../lib/vitals/window");

  const plan = windowPlanFor("30d");
  const rollupPath = async () =>
    byRoute(await readWindowRollups(SITE, plan, { metric: "LCP" }, { perRoute: true }), "LCP", 0.75);
  // As a raw read would be written: the site's key prefix, and the days of the window so partitions are pruned.
  const rawPath = async () =>
    (
      await raw.query<{ route: string; v: number }>(
        `SELECT route, percentile_cont(0.75) WITHIN GROUP (ORDER BY value) AS v FROM vitals
       WHERE site_id = $3 AND day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND metric = 'LCP'
         AND ts >= $1 AND ts < $2 GROUP BY route`,
        [plan.start, plan.end, SITE],
      )
    ).rows;

  await rollupPath(); // warm-up: connection, JIT of the query plan, module code
  await rawPath();
  const rollupTimes: number[] = [];
  const rawTimes: number[] = [];
  let rollupResult: Awaited<ReturnType<typeof rollupPath>> = [];
  let rawResult: Awaited<ReturnType<typeof rawPath>> = [];
  for (let i = 0; i < 5; i++) {
    const a = await time(rawPath);
    rawTimes.push(a.ms);
    rawResult = a.result;
    for (let j = 0; j < 4; j++) {
      const b = await time(rollupPath);
      rollupTimes.push(b.ms);
      rollupResult = b.result;
    }
  }
  const exact = new Map(rawResult.map((r) => [r.route, Number(r.v)]));
  const worstError = Math.max(
    ...rollupResult.map((r) => Math.abs(r.value! - exact.get(r.route)!) / exact.get(r.route)!),
  );
  const rollupMs = median(rollupTimes);
  const rawMs = median(rawTimes);
  console.log(
    `\np75 of LCP per route over 30 days of site ${SITE} of ${SITES}, ${ROWS.toLocaleString()} raw vitals in all, ${rollupResult.length} routes`,
  );
  console.log(
    `  rollups (Vigil read path):      median ${rollupMs.toFixed(1)} ms  (n=${rollupTimes.length}, max ${Math.max(...rollupTimes).toFixed(1)} ms)`,
  );
  console.log(`  percentile_cont on raw rows:    median ${rawMs.toFixed(1)} ms  (n=${rawTimes.length})`);
  console.log(`  speed-up: ${(rawMs / rollupMs).toFixed(1)}x   (target: rollups < 100 ms and ≥ 20x)`);
  console.log(`  worst relative error vs percentile_cont: ${(worstError * 100).toFixed(3)} %   (target: < 2 %)`);
  await raw.end();
  const ok = rollupMs < 100 && rawMs / rollupMs >= 20 && worstError < 0.02;
  console.log(ok ? "PASS" : "FAIL");
  process.exit(ok ? 0 : 1);
}

await main();
