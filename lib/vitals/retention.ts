import "server-only";
import { pruneClientErrorRollups } from "@/lib/client-errors/client-error-repository";
import { env } from "@/lib/env.js";
import { pruneBrowserRoutes } from "@/lib/ingest/browser-route-repository";
import { logger } from "@/lib/log/logger";
import { pruneHourRollups } from "@/lib/telemetry/request-rollup-repository";
import { pruneVitalRollups, pruneVitals } from "@/lib/vitals/vitals-repository";

const DAY = 24 * 3_600_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/** Deletes raw vitals older than the retention window (the scheduler's "vitals-retention" job). */
export async function pruneRawVitals(now = new Date()): Promise<number> {
  const before = daysBefore(now, env.VIGIL_VITALS_RETENTION_DAYS);
  const deleted = await pruneVitals(before);
  logger.info({ job: "vitals-retention", deleted, before: before.toISOString() }, "pruned raw vitals");
  return deleted;
}

/**
 * Rollup retention (the "rollup-retention" job): hour rows of vitals, requests and client errors, and the day
 * route allowances, after VIGIL_ROLLUP_HOURLY_RETENTION_DAYS; day rows of vitals after VIGIL_ROLLUP_DAILY_RETENTION_DAYS.
 */
export async function pruneRollups(now = new Date()) {
  const hourBefore = daysBefore(now, env.VIGIL_ROLLUP_HOURLY_RETENTION_DAYS);
  const dayBefore = daysBefore(now, env.VIGIL_ROLLUP_DAILY_RETENTION_DAYS);
  const deleted = {
    vitalHours: await pruneVitalRollups("hour", hourBefore),
    vitalDays: await pruneVitalRollups("day", dayBefore),
    requestHours: await pruneHourRollups(hourBefore),
    clientErrorHours: await pruneClientErrorRollups(hourBefore),
    routeDays: await pruneBrowserRoutes(hourBefore),
  };
  logger.info({ job: "rollup-retention", ...deleted }, "pruned rollups");
  return deleted;
}
