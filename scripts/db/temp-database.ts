import { randomBytes } from "node:crypto";
import pg from "pg";
import { quoteIdent, withDatabase } from "../../lib/db/pg-compat";

export type TempDatabase = { url: string; name: string; drop(): Promise<void> };

async function runAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function currentDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>("SELECT current_database()::text AS name");
    return result.rows[0]?.name ?? "";
  } finally {
    await client.end();
  }
}

/** Creates a uniquely named database on the server of adminUrl; drop() removes it WITH (FORCE). */
export async function createTempDatabase(adminUrl: string, prefix = "vigil_test"): Promise<TempDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,39}$/.test(prefix)) throw new Error(`invalid database name prefix: ${prefix}`);
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await runAdmin(adminUrl, `CREATE DATABASE ${quoteIdent(name)}`);
  const url = withDatabase(adminUrl, name);
  const drop = () => runAdmin(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  // pglite-socket ignores database names: refuse to hand out a "temporary" URL that is really the main DB.
  const actual = await currentDatabase(url).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  if (actual !== name) {
    await drop();
    throw new Error(`connected to database "${actual}" instead of "${name}": server ignores database names`);
  }
  let dropped: Promise<void> | undefined;
  return { url, name, drop: () => (dropped ??= drop()) };
}
