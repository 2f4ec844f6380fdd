import "server-only";
import { env } from "@/lib/env.js";
import { createPrismaClient, poolOf, type PrismaClient } from "./client";
import type { Prisma } from "./generated/client";
import { processSingleton } from "@/lib/process-singleton";

export { createPrismaClient } from "./client";
export type { PrismaClient } from "./client";
export { Prisma, Role } from "./generated/client";
export type { Account, Session, User, VerificationToken } from "./generated/client";

/** What repositories accept: the client itself or the client of an open transaction. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

// Kept on globalThis: Next.js dev reloads and several server bundles must share one pool.

/** The process-wide PrismaClient, created on first use from the validated env. */
export function getDb(): PrismaClient {
  return processSingleton<PrismaClient>("prisma", () =>
    createPrismaClient(env.DATABASE_URL, { embedded: env.VIGIL_DB_EMBEDDED }),
  );
}

/** The pg pool Prisma runs on: same connections, for raw hot-path statements (see lib/vitals/vitals-repository). */
export const pgPool = () => poolOf(getDb());

/** Lazy handle to getDb(): importing this module never connects. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
