import "server-only";
import { HOUR, MINUTE, SECOND } from "@/lib/scheduler/schedule";

/** What a job reports about its run (counts, ids); stored in job_runs.detail and returned by /api/cron. */
export type JobDetail = Record<string, unknown>;
export type JobContext = { now: Date };

export type JobSpec = {
  name: string;
  /** How often the job should run; a run is "due" once this much time has passed since the last one began. */
  everyMs: number;
  /** Postgres advisory-lock key: one runner at a time across every instance. */
  lockKey: number;
  describe: string;
  run: (ctx: JobContext) => Promise<JobDetail>;
};

// Modules load lazily: instrumentation.ts imports this table, and a job's dependencies load only when it runs.
export const JOBS: readonly JobSpec[] = [
  {
    name: "vitals-retention",
    everyMs: HOUR,
    lockKey: 727_001,
    describe:
      "Drops the day partitions of raw web vitals older than VIGIL_VITALS_RETENTION_DAYS (rollups stay) and creates the partitions of the next days.",
    run: async ({ now }) => (await import("@/lib/vitals/retention")).maintainRawVitals(now),
  },
  {
    name: "request-rollup-prune",
    everyMs: HOUR,
    lockKey: 727_002,
    describe: "Deletes per-minute request rollups older than 48 hours (hourly rows stay).",
    run: async ({ now }) => ({
      deleted: await (await import("@/lib/telemetry/request-rollup-repository")).pruneMinuteRollups(
        new Date(now.getTime() - 48 * HOUR),
      ),
    }),
  },
  {
    name: "rollup-retention",
    everyMs: 6 * HOUR,
    lockKey: 727_004,
    describe:
      "Deletes hourly rollups (vitals, requests, client errors) and route allowances older than VIGIL_ROLLUP_HOURLY_RETENTION_DAYS, daily vital rollups older than VIGIL_ROLLUP_DAILY_RETENTION_DAYS.",
    run: async ({ now }) => (await import("@/lib/vitals/retention")).pruneRollups(now),
  },
  {
    name: "job-run-prune",
    everyMs: 6 * HOUR,
    lockKey: 727_003,
    describe: "Deletes job run records older than 14 days.",
    run: async ({ now }) => ({
      deleted: await (await import("@/lib/scheduler/job-run-repository")).pruneJobRuns(
        new Date(now.getTime() - 14 * 24 * HOUR),
      ),
    }),
  },
  {
    name: "slo-evaluate",
    everyMs: MINUTE,
    lockKey: 727_010,
    describe:
      "Measures every active stored SLO of every site, runs its burn-rate and absent-data rules, moves alerts and queues their notifications.",
    run: async ({ now }) => (await import("@/lib/slo/evaluate-slos")).evaluateConfiguredSlos(now),
  },
  {
    name: "notify-deliver",
    everyMs: 10 * SECOND,
    lockKey: 727_030,
    describe: "Sends due notifications from the outbox (Slack, signed webhooks); failed ones are retried with backoff.",
    // Bounded: ≤ 50 rows, 5 at a time, 10 s per request, no new round after 30 s.
    run: async () => (await import("@/lib/notify/deliver")).deliverDueNotifications(),
  },
  {
    name: "delivery-prune",
    everyMs: 6 * HOUR,
    lockKey: 727_031,
    describe: "Deletes delivered and dead notification deliveries older than 30 days (pending ones stay).",
    run: async ({ now }) => ({
      deleted: await (await import("@/lib/notify/delivery-log-repository")).pruneFinishedDeliveries(
        new Date(now.getTime() - 30 * 24 * HOUR),
      ),
    }),
  },
  {
    name: "uptime-probe",
    everyMs: 15 * SECOND,
    lockKey: 727_020,
    describe:
      "Probes due HTTP monitors (≤ 8 at a time, each ≤ 30 s), records missed heartbeats, opens and resolves incidents.",
    run: async ({ now }) => (await import("@/lib/uptime/run-probes")).runUptimeProbes(now),
  },
  {
    name: "probe-result-prune",
    everyMs: 6 * HOUR,
    lockKey: 727_021,
    describe: "Deletes uptime check results older than 91 days (the longest uptime window is 90 days).",
    run: async ({ now }) => ({
      deleted: await (await import("@/lib/uptime/probe-result-repository")).pruneProbeResults(
        new Date(now.getTime() - 91 * 24 * HOUR),
      ),
    }),
  },
];

export const jobNamed = (name: string): JobSpec | undefined => JOBS.find((j) => j.name === name);
