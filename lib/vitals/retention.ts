import "server-only";
import { env } from "@/lib/env.js";
import { withAdvisoryLock } from "@/lib/db/advisory-lock";
import { logger } from "@/lib/log/logger";
import { recordJob } from "@/lib/telemetry/registry";
import { pruneVitals } from "@/lib/vitals/vitals-repository";

const HOUR = 3_600_000;
// Arbitrary constant shared by every instance: only the holder of this advisory lock prunes.
const RETENTION_LOCK = 727_001;

/** Deletes raw vitals older than the retention window; "skipped" when another instance holds the job's lock. */
export function runVitalsRetention(now = new Date()): Promise<number | "skipped"> {
  return withAdvisoryLock(RETENTION_LOCK, async () => {
    const before = new Date(now.getTime() - env.VIGIL_VITALS_RETENTION_DAYS * 24 * HOUR);
    const deleted = await pruneVitals(before);
    logger.info({ job: "vitals-retention", deleted, before: before.toISOString() }, "pruned raw vitals");
    return deleted;
  });
}

const globalForJob = globalThis as typeof globalThis & { __vigilRetention?: ReturnType<typeof setInterval> };

/** Hourly in-process schedule for `next start`; serverless hosts call the job from their cron instead. */
export function scheduleVitalsRetention(): void {
  if (globalForJob.__vigilRetention) return;
  const run = () => recordJob("vitals-retention", () => runVitalsRetention()).catch((err) => logger.error({ err, job: "vitals-retention" }, "retention failed"));
  setTimeout(run, 60_000).unref();
  globalForJob.__vigilRetention = setInterval(run, HOUR);
  globalForJob.__vigilRetention.unref();
}
