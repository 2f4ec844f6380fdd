import "server-only";
import { noteDatabaseUnavailable } from "@/lib/db/outage";
import { isDatabaseUnavailable } from "@/lib/db/pg-errors";
import { logger } from "@/lib/log/logger";
import { JOBS } from "@/lib/scheduler/jobs";
import { runJob } from "@/lib/scheduler/run-job";
import { nextLocalCheck, SECOND } from "@/lib/scheduler/schedule";
import { processSlot } from "@/lib/process-singleton";

const TICK_MS = 5 * SECOND;
// Let the server finish starting (and the first request rollups flush) before the first jobs run.
const FIRST_TICK_MS = 10 * SECOND;

const started = processSlot<{ timer: ReturnType<typeof setInterval> }>("inProcessScheduler");

/**
 * The self-hosted scheduler (`next start`): every few seconds, runs the jobs this process has not looked at for a
 * while. Every instance runs the loop; the advisory lock and the due check keep each job to one run per period.
 */
export function startInProcessScheduler(): void {
  if (started.value) return;
  const nextCheck = new Map<string, number>(JOBS.map((j) => [j.name, 0]));
  const busy = new Set<string>();
  const tick = () => {
    const now = Date.now();
    for (const job of JOBS) {
      if (busy.has(job.name) || (nextCheck.get(job.name) ?? 0) > now) continue;
      busy.add(job.name);
      runJob(job.name, "in-process")
        .then((r) => nextCheck.set(job.name, nextLocalCheck(r.outcome, job.everyMs, Date.now())))
        .catch((err: unknown) => {
          // The database is away (the lock or the due check failed): try again soon; an outage is logged once.
          if (isDatabaseUnavailable(err)) noteDatabaseUnavailable(err, `job ${job.name}`);
          else logger.warn({ err, job: job.name }, "scheduler could not run the job");
          nextCheck.set(job.name, Date.now() + 30 * SECOND);
        })
        .finally(() => busy.delete(job.name));
    }
  };
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  setTimeout(tick, FIRST_TICK_MS).unref();
  started.value = { timer };
  logger.info({ jobs: JOBS.map((j) => j.name) }, "in-process scheduler started");
}
