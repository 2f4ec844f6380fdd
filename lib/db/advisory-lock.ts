import "server-only";
import { env } from "@/lib/env.js";
import { pgPool } from "@/lib/db";

/**
 * Runs `fn` only if this process gets the Postgres advisory lock `key`; resolves "skipped" when another instance
 * holds it. The lock lives on one dedicated connection for the whole run: a session lock taken through a pool
 * may be released on a different connection and then never be released at all.
 */
export async function withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T | "skipped"> {
  // The embedded database serves one instance over a single connection, which fn itself needs.
  if (env.VIGIL_DB_EMBEDDED) return fn();
  const conn = await pgPool().connect();
  try {
    const { rows } = await conn.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [key]);
    if (!rows[0]?.ok) return "skipped";
    try {
      return await fn();
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1::bigint)", [key]);
    }
  } finally {
    conn.release();
  }
}
