import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PgCompatClient, quoteIdent, withDatabase } from "./pg-compat";

// allowExitOnIdle: the CLI does not always dispose its adapter, and idle clients would hold it open for 10 s.
const POOL_OPTIONS = {
  Client: PgCompatClient,
  max: 1,
  connectionTimeoutMillis: 10_000,
  allowExitOnIdle: true,
} as const;

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new PgCompatClient({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * The adapter splits a migration script on every ";" (prisma/orm adapter-pg `executeScript`), which breaks a
 * semicolon in a comment or a PL/pgSQL body. Postgres takes the whole script as one simple query instead, and
 * runs it as one implicit transaction: a migration applies whole or not at all.
 */
function wholeScripts(adapter: Adapter): Adapter {
  const pool = adapter.underlyingDriver();
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return adapter;
}

/**
 * Driver adapter factory for the Prisma CLI's WASM schema engine (prisma.config.ts).
 * The stock shadow database reuses the connection string's database and leaks on drop; this one
 * creates a uniquely named database, closes its pool, then drops it WITH (FORCE).
 */
export function createMigrateAdapter(url: string): PrismaPg {
  const factory = new PrismaPg({ ...POOL_OPTIONS, connectionString: url });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => wholeScripts(await connect());
  factory.connectToShadowDb = async () => {
    const name = `vigil_shadow_${randomUUID().replaceAll("-", "")}`;
    await adminQuery(url, `CREATE DATABASE ${quoteIdent(name)}`);
    const adapter = wholeScripts(
      await new PrismaPg({ ...POOL_OPTIONS, connectionString: withDatabase(url, name) }).connect(),
    );
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await closePool();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    };
    return adapter;
  };
  return factory;
}

/**
 * The WASM schema engine leaves its 10 s advisory-lock timeout timer pending after the lock is taken,
 * which keeps `migrate deploy` alive ~10 s after it finished. Unref'd timers still fire while work remains.
 */
export function unrefSchemaEngineTimers(): void {
  const original = globalThis.setTimeout;
  const patched = (...args: Parameters<typeof setTimeout>) => {
    const timer = original(...args);
    if (args[1] === 10_000) timer.unref();
    return timer;
  };
  globalThis.setTimeout = Object.assign(patched, original) as typeof setTimeout;
}
