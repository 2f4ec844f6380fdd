// Running migration scripts on a fresh embedded PGlite and on a temporary database of the test server, the way
// lib/db/migrate-adapter runs them for `prisma migrate deploy`: whole scripts, one simple query each.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createTempDatabase } from "../../scripts/db/temp-database";

const dir = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** The migration folders that run before the one numbered `number` (e.g. "0011"), in order. */
export const migrationsBefore = (number: string) =>
  readdirSync(dir)
    .filter((d) => /^\d{4}_/.test(d) && d < number)
    .sort();

export const migrationScript = (name: string) => readFileSync(`${dir}/${name}/migration.sql`, "utf8");

export type MigrationDb = {
  exec: (script: string) => Promise<unknown>;
  query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
};

/** `check` against a fresh embedded PGlite (PostgreSQL 18). */
export async function onPglite(check: (db: MigrationDb) => Promise<void>) {
  const db = await PGlite.create();
  try {
    await check({ exec: (s) => db.exec(s), query: (sql, params) => db.query(sql, params) as never });
  } finally {
    await db.close();
  }
}

/** `check` against a temporary database on the server at `url`, dropped afterwards. */
export async function onPostgres(url: string, label: string, check: (db: MigrationDb) => Promise<void>) {
  const temp = await createTempDatabase(url, label);
  const client = new pg.Client({ connectionString: temp.url });
  await client.connect();
  try {
    await check({ exec: (s) => client.query(s), query: (sql, params) => client.query(sql, params) });
  } finally {
    await client.end();
    await temp.drop();
  }
}
