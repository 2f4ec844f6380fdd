import "server-only";
import { db, Prisma, type DbClient } from "@/lib/db";

export type JobRunRecord = {
  job: string;
  trigger: "in-process" | "cron" | "manual";
  startedAt: Date;
  finishedAt: Date;
  outcome: "ok" | "failed";
  detail: Record<string, unknown> | null;
};

const TRIGGER = { "in-process": "in_process", cron: "cron", manual: "manual" } as const;

export async function insertJobRun(run: JobRunRecord, client: DbClient = db): Promise<void> {
  await client.jobRun.create({
    data: {
      job: run.job,
      trigger: TRIGGER[run.trigger],
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      outcome: run.outcome,
      detail: (run.detail as Prisma.InputJsonObject | null) ?? Prisma.DbNull,
    },
  });
}

/** When the job's latest recorded run began (skipped runs are not recorded), or null. */
export async function lastJobStart(job: string, client: DbClient = db): Promise<Date | null> {
  const row = await client.jobRun.findFirst({
    where: { job },
    orderBy: { startedAt: "desc" },
    select: { startedAt: true },
  });
  return row?.startedAt ?? null;
}

export type JobRunSummary = {
  job: string;
  lastStartedAt: Date;
  lastOutcome: "ok" | "failed";
  lastDetail: unknown;
  runs24h: number;
  failures24h: number;
};

/** Per job: its latest run and its run and failure counts over the last 24 hours (for Settings). */
export async function summarizeJobRuns(now = new Date(), client: DbClient = db): Promise<JobRunSummary[]> {
  const since = new Date(now.getTime() - 24 * 3_600_000);
  return client.$queryRaw<JobRunSummary[]>`
    SELECT DISTINCT ON (job) job, started_at AS "lastStartedAt", outcome::text AS "lastOutcome", detail AS "lastDetail",
      (SELECT count(*)::int FROM job_runs r WHERE r.job = j.job AND r.started_at >= ${since}) AS "runs24h",
      (SELECT count(*)::int FROM job_runs r WHERE r.job = j.job AND r.started_at >= ${since} AND r.outcome = 'failed') AS "failures24h"
    FROM job_runs j ORDER BY job, started_at DESC`;
}

export async function pruneJobRuns(before: Date, client: DbClient = db): Promise<number> {
  const { count } = await client.jobRun.deleteMany({ where: { startedAt: { lt: before } } });
  return count;
}
