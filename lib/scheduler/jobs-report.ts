import "server-only";
import { env } from "@/lib/env.js";
import { JOBS } from "@/lib/scheduler/jobs";
import { summarizeJobRuns } from "@/lib/scheduler/job-run-repository";

export type JobRow = {
  name: string;
  describe: string;
  everyMs: number;
  lastStartedAt: string | null;
  lastOutcome: "ok" | "failed" | null;
  lastError: string | null;
  runs24h: number;
  failures24h: number;
};

export type JobsReport = { scheduler: "in-process" | "off"; cronEnabled: boolean; jobs: JobRow[] };

/** The job table with each job's latest recorded run and its last-24-hour counts (Settings). */
export async function loadJobsReport(now = new Date()): Promise<JobsReport> {
  const runs = new Map((await summarizeJobRuns(now)).map((r) => [r.job, r]));
  return {
    scheduler: env.VIGIL_SCHEDULER,
    cronEnabled: Boolean(env.CRON_SECRET),
    jobs: JOBS.map((job) => {
      const run = runs.get(job.name);
      const detail = run?.lastDetail as { error?: unknown } | null | undefined;
      return {
        name: job.name,
        describe: job.describe,
        everyMs: job.everyMs,
        lastStartedAt: run ? run.lastStartedAt.toISOString() : null,
        lastOutcome: run?.lastOutcome ?? null,
        lastError: run?.lastOutcome === "failed" && typeof detail?.error === "string" ? detail.error : null,
        runs24h: run?.runs24h ?? 0,
        failures24h: run?.failures24h ?? 0,
      };
    }),
  };
}
