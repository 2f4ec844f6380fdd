import "server-only";
import { env } from "@/lib/env.js";
import { databaseFacts, pingDatabase, type DatabaseFacts } from "@/lib/health/health-repository";
import { withTimeout } from "@/lib/health/with-timeout";
import type { DbClient } from "@/lib/db";

export type DatabaseCheck =
  | { ok: true; latencyMs: number; kind: "embedded" | "external" }
  | { ok: false; latencyMs: number; kind: "embedded" | "external"; error: string };

/** SELECT 1 under a hard deadline; the error text is generic so connection strings never leak. */
export async function checkDatabase(
  timeoutMs = env.VIGIL_HEALTH_DB_TIMEOUT_MS,
  client?: DbClient,
): Promise<DatabaseCheck> {
  const started = performance.now();
  const kind = env.VIGIL_DB_EMBEDDED ? "embedded" : "external";
  try {
    await withTimeout(pingDatabase(client), timeoutMs);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10, kind };
  } catch (err) {
    const error =
      err instanceof Error && err.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : "connection failed";
    return { ok: false, latencyMs: Math.round(performance.now() - started), kind, error };
  }
}

export type AppFacts = {
  version: string;
  nodeVersion: string;
  uptimeSeconds: number;
  rssMb: number;
  environment: string;
};

export function appFacts(): AppFacts {
  return {
    version: env.NEXT_PUBLIC_APP_VERSION,
    nodeVersion: process.version,
    uptimeSeconds: Math.round(process.uptime()),
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    environment: env.NODE_ENV,
  };
}

export async function loadDatabaseFacts(): Promise<DatabaseFacts | null> {
  return withTimeout(databaseFacts(), env.VIGIL_HEALTH_DB_TIMEOUT_MS).catch(() => null);
}
