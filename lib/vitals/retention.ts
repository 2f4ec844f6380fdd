import "server-only";
import { pruneClientErrorRollups } from "@/lib/client-errors/client-error-repository";
import { env } from "@/lib/env.js";
import { pruneBrowserRoutes } from "@/lib/ingest/browser-route-repository";
import { pruneStreamStates } from "@/lib/ingest/otlp-stream-repository";
import { logger } from "@/lib/log/logger";
import { pruneHourRollups } from "@/lib/telemetry/request-rollup-repository";
import { dropVitalPartitionsBefore, ensureVitalPartitions, pruneVitalRollups } from "@/lib/vitals/vitals-repository";

const DAY = 24 * 3_600_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
/** Partitions made ahead of time, so ingest rarely has to create the day it writes into. */
const DAYS_AHEAD = 3;

/**
 * The scheduler's "vitals-retention" job: drops the day partitions older than the retention window whole (no
 * DELETE) and makes sure today's and the next days' partitions exist (ADR 0011).
 */
export async function maintainRawVitals(now = new Date()): Promise<{ dropped: number; ensured: number }> {
  const beforeDay = dayOf(daysBefore(now, env.VIGIL_VITALS_RETENTION_DAYS));
  const dropped = await dropVitalPartitionsBefore(beforeDay);
  const ahead = Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => dayOf(new Date(now.getTime() + i * DAY)));
  await ensureVitalPartitions(ahead);
  logger.info({ job: "vitals-retention", dropped, beforeDay }, "dropped raw vitals partitions");
  return { dropped: dropped.length, ensured: ahead.length };
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
    // A cumulative stream's state matters while its app process lives; two quiet days mean it is gone.
    otlpStreams: await pruneStreamStates(daysBefore(now, 2)),
  };
  logger.info({ job: "rollup-retention", ...deleted }, "pruned rollups");
  return deleted;
}
