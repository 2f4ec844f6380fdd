import "server-only";
import type pg from "pg";
import { pgPool } from "@/lib/db";
import type { RouteStore } from "@/lib/ingest/route-admission";

// Concurrent admissions on several instances can each see room for one more: the cap may be passed by as many
// routes as admissions run at once, which is rare (admissions stop once the day is full).
const ADMIT = `
WITH room AS (SELECT greatest($3::int - count(*), 0) AS n FROM browser_routes WHERE site_id = $4 AND day = $1::date),
fresh AS (
  SELECT u.route FROM unnest($2::text[]) WITH ORDINALITY AS u(route, i)
  WHERE NOT EXISTS (SELECT 1 FROM browser_routes b WHERE b.site_id = $4 AND b.day = $1::date AND b.route = u.route)
  ORDER BY u.i LIMIT (SELECT n FROM room)
),
added AS (
  INSERT INTO browser_routes (site_id, day, route) SELECT $4, $1::date, route FROM fresh ON CONFLICT DO NOTHING)
SELECT route FROM browser_routes WHERE site_id = $4 AND day = $1::date AND route = ANY($2::text[])
UNION SELECT route FROM fresh`;

/** The route allowance of one site. */
export function browserRouteStore(siteId: number, pool: () => Pick<pg.Pool, "query"> = pgPool): RouteStore {
  return {
    async load(day) {
      const { rows } = await pool().query<{ route: string }>(
        "SELECT route FROM browser_routes WHERE site_id = $2 AND day = $1::date",
        [day, siteId],
      );
      return rows.map((r) => r.route);
    },
    async admit(day, routes, cap) {
      const { rows } = await pool().query<{ route: string }>(ADMIT, [day, routes, cap, siteId]);
      return rows.map((r) => r.route);
    },
  };
}

/** Forgets admissions of days before `before` (the caps only matter for days whose hourly rollups are kept). */
export async function pruneBrowserRoutes(before: Date, pool: Pick<pg.Pool, "query"> = pgPool()): Promise<number> {
  const { rowCount } = await pool.query("DELETE FROM browser_routes WHERE day < $1::date", [
    before.toISOString().slice(0, 10),
  ]);
  return rowCount ?? 0;
}
