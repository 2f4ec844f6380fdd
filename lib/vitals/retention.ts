import "server-only";
import { env } from "@/lib/env.js";
import { logger } from "@/lib/log/logger";
import { pruneVitals } from "@/lib/vitals/vitals-repository";

const DAY = 24 * 3_600_000;

/** Deletes raw vitals older than the retention window (the scheduler's "vitals-retention" job). */
export async function pruneRawVitals(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - env.VIGIL_VITALS_RETENTION_DAYS * DAY);
  const deleted = await pruneVitals(before);
  logger.info({ job: "vitals-retention", deleted, before: before.toISOString() }, "pruned raw vitals");
  return deleted;
}
