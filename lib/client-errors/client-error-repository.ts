import "server-only";
import { db, pgPool, type DbClient } from "@/lib/db";

const HOUR = 3_600_000;

/**
 * Adds a report's counts into the hour's rows (one statement, routes sorted so concurrent writers agree on order).
 * `count` is bigint (migration 0008): anonymous reports cannot push a route-hour past it and into 500s.
 */
export async function addClientErrors(
  siteId: number,
  errors: ReadonlyArray<{ route: string; count: number }>,
  now = new Date(),
): Promise<number> {
  const byRoute = new Map<string, number>();
  for (const e of errors) byRoute.set(e.route, (byRoute.get(e.route) ?? 0) + e.count);
  const routes = [...byRoute.keys()].sort();
  await pgPool().query(
    `INSERT INTO client_error_rollups AS r (site_id, bucket_start, route, count)
     SELECT $4::int, $1::timestamptz, * FROM unnest($2::text[], $3::bigint[])
     ON CONFLICT (site_id, bucket_start, route) DO UPDATE SET count = r.count + EXCLUDED.count`,
    [new Date(now.getTime() - (now.getTime() % HOUR)), routes, routes.map((r) => byRoute.get(r)!), siteId],
  );
  return routes.reduce((n, r) => n + byRoute.get(r)!, 0);
}

export type ClientErrorTotals = { errors: number; pageViews: number };

/** Browser errors and page views (TTFB samples: one per page load) over [from, to), from hour rows. */
export async function readClientErrorTotals(
  siteId: number,
  from: Date,
  to: Date,
  client: DbClient = db,
): Promise<ClientErrorTotals> {
  // Sums over many rows pass 2^31 long before one row does: read as float8 (a JS number, exact below 2^53), never ::int.
  const [row] = await client.$queryRaw<Array<{ errors: number; page_views: number }>>`
    SELECT (SELECT coalesce(sum(count), 0)::float8 FROM client_error_rollups
             WHERE site_id = ${siteId} AND bucket_start >= ${from} AND bucket_start < ${to}) AS errors,
           (SELECT coalesce(sum(count), 0)::float8 FROM vital_rollups
             WHERE site_id = ${siteId} AND grain = 'hour' AND metric = 'TTFB' AND route = '*' AND device = 'all'
               AND bucket_start >= ${from} AND bucket_start < ${to}) AS page_views`;
  return { errors: row?.errors ?? 0, pageViews: row?.page_views ?? 0 };
}

export async function pruneClientErrorRollups(before: Date): Promise<number> {
  const { rowCount } = await pgPool().query("DELETE FROM client_error_rollups WHERE bucket_start < $1", [before]);
  return rowCount ?? 0;
}
