import "server-only";
import { withAdvisoryLock } from "@/lib/db/advisory-lock";
import { logger } from "@/lib/log/logger";
import { jobNamed, JOBS, type JobDetail, type JobSpec } from "@/lib/scheduler/jobs";
import { insertJobRun, lastJobStart } from "@/lib/scheduler/job-run-repository";
import { isDue } from "@/lib/scheduler/schedule";
import { recordJob } from "@/lib/telemetry/registry";
import { processSingleton } from "@/lib/process-singleton";

export type JobTriggerName = "in-process" | "cron" | "manual";
export type JobResult =
  | { job: string; outcome: "ok"; durationMs: number; detail: JobDetail }
  | { job: string; outcome: "failed"; durationMs: number; error: string }
  /** skipped: another instance holds the job's lock; not-due: it ran less than a period ago. */
  | { job: string; outcome: "skipped" | "not-due"; durationMs: number };

// Jobs already running in this process: on the embedded database the advisory lock is a no-op.
const running = processSingleton("runningJobs", () => new Set<string>());

/**
 * Runs one scheduled job under its advisory lock and records the run (job_runs and vigil_job_runs_total).
 * Without `force`, a job that began less than a period ago is not run again, whichever instance ran it.
 */
export async function runJob(name: string, trigger: JobTriggerName, options: RunOptions = {}): Promise<JobResult> {
  const job = jobNamed(name);
  if (!job) throw new Error(`unknown job ${name}`);
  return runJobSpec(job, trigger, options);
}

/** Every job that is due, side by side (each under its own lock): what one cron entry per minute calls. */
export function runDueJobs(trigger: JobTriggerName): Promise<JobResult[]> {
  return Promise.all(JOBS.map((job) => runJobSpec(job, trigger)));
}

type RunOptions = { force?: boolean; now?: () => Date };

/** runJob for a given spec (the job table's, or a test's). */
export async function runJobSpec(
  job: JobSpec,
  trigger: JobTriggerName,
  { force = false, now = () => new Date() }: RunOptions = {},
): Promise<JobResult> {
  const name = job.name;
  const t0 = performance.now();
  const elapsed = () => Math.round(performance.now() - t0);
  if (running.has(name)) return { job: name, outcome: "skipped", durationMs: 0 };
  running.add(name);
  try {
    const result = await withAdvisoryLock(job.lockKey, async (): Promise<JobResult> => {
      const startedAt = now();
      if (!force && !isDue(await lastJobStart(name), job.everyMs, startedAt))
        return { job: name, outcome: "not-due", durationMs: elapsed() };
      try {
        const detail = await recordJob(name, () => job.run({ now: startedAt }));
        if (detail === "skipped") return { job: name, outcome: "skipped", durationMs: elapsed() };
        await insertJobRun({ job: name, trigger, startedAt, finishedAt: now(), outcome: "ok", detail });
        return { job: name, outcome: "ok", durationMs: elapsed(), detail };
      } catch (err) {
        const error = err instanceof Error ? err.message.slice(0, 500) : "job failed";
        logger.error({ err, job: name, trigger }, "scheduled job failed");
        await insertJobRun({
          job: name,
          trigger,
          startedAt,
          finishedAt: now(),
          outcome: "failed",
          detail: { error },
        }).catch((e: unknown) => logger.error({ err: e, job: name }, "could not record the failed run"));
        return { job: name, outcome: "failed", durationMs: elapsed(), error };
      }
    });
    if (result === "skipped") {
      recordSkip(name);
      return { job: name, outcome: "skipped", durationMs: elapsed() };
    }
    return result;
  } finally {
    running.delete(name);
  }
}

function recordSkip(name: string) {
  void recordJob(name, async () => "skipped" as const);
}
