import "server-only";
import type pg from "pg";
import { pgPool } from "@/lib/db";

// The last point of each cumulative OTLP stream of a site (lib/otlp turns the next one into a delta against it).
type Query = Pick<pg.ClientBase, "query">;

/**
 * Locks the streams' keys for the rest of the transaction (advisory locks, also for streams not stored yet, in one
 * order) and reads their stored states: two exports of one stream apply one after the other.
 */
export async function lockStreamStates(
  client: Query,
  siteId: number,
  keys: readonly string[],
): Promise<Map<string, unknown>> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return new Map();
  await client.query(
    "SELECT pg_advisory_xact_lock(7262912, hashtext($1::int || ':' || k)) FROM unnest($2::text[]) AS k ORDER BY k",
    [siteId, sorted],
  );
  const { rows } = await client.query<{ stream: string; state: unknown }>(
    "SELECT stream, state FROM otlp_streams WHERE site_id = $1 AND stream = ANY($2::text[])",
    [siteId, sorted],
  );
  return new Map(rows.map((r) => [r.stream, r.state]));
}

export async function saveStreamStates(client: Query, siteId: number, states: ReadonlyMap<string, unknown>) {
  if (states.size === 0) return;
  const keys = [...states.keys()].sort();
  await client.query(
    `INSERT INTO otlp_streams AS s (site_id, stream, state, updated_at)
     SELECT $1, k, v, now() FROM unnest($2::text[], $3::jsonb[]) AS u(k, v)
     ON CONFLICT (site_id, stream) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
    [siteId, keys, keys.map((k) => JSON.stringify(states.get(k)))],
  );
}

/** Streams not heard of since `before` (an app restart starts new ones): their state is no longer needed. */
export async function pruneStreamStates(before: Date, pool: Pick<pg.Pool, "query"> = pgPool()): Promise<number> {
  const { rowCount } = await pool.query("DELETE FROM otlp_streams WHERE updated_at < $1", [before]);
  return rowCount ?? 0;
}
