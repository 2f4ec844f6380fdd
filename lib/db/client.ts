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
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

/** The pg pool under a client, for the one hot path where Prisma's per-call overhead matters (vitals ingest). */
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("poolOf: client was not made by createPrismaClient");
  return pool;
}

export type { PrismaClient };
