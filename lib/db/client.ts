import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { PgCompatClient } from "./pg-compat";

export type CreatePrismaClientOptions = {
  /**
   * Embedded PGlite runs one query at a time on a single backend: more connections add no throughput and
   * take the socket server's few slots (scripts/db/embedded.ts) from the CLI and test processes.
   */
  embedded?: boolean;
};

/** Builds a PrismaClient over a pg.Pool (driver adapter; no native query engine). */
export function createPrismaClient(url: string, { embedded = false }: CreatePrismaClientOptions = {}) {
  const pool = new pg.Pool({
    connectionString: url,
    Client: PgCompatClient,
    max: embedded ? 1 : 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 10_000,
    // Scripts and tests may exit without $disconnect(); a server process stays alive regardless.
    allowExitOnIdle: true,
  });
  // An idle connection the server drops (restart, failover, proxy) is emitted here; unhandled it would crash the
  // process. The pool discards that client, and the next query's own error is what reports the outage.
  pool.on("error", () => undefined);
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  Object.defineProperty(client, POOL, { value: pool });
  return client;
}

// A registered symbol on the client itself, not a module-level map: Next bundles this module separately for
// instrumentation.ts and the routes, and a client made by one bundle must still yield its pool in the other.
const POOL = Symbol.for("vigil.pgPool");

/** The pg pool under a client, for the hot paths where Prisma's per-call overhead matters (ingest, telemetry). */
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = (client as PrismaClient & { [POOL]?: pg.Pool })[POOL];
  if (!pool) throw new Error("poolOf: client was not made by createPrismaClient");
  return pool;
}

export type { PrismaClient };
