import "server-only";
import { runJob, type JobResult } from "@/lib/scheduler/run-job";
import type { AlertChange } from "@/lib/slo/evaluate-slos";
import { loadSloReport, type SloReport } from "@/lib/slo/report";

export type SloCheck = SloReport & { evaluation: { outcome: JobResult["outcome"]; changes: AlertChange[] } };

/**
 * POST /api/observability/slo/check: runs the slo-evaluate job now, through the scheduler (its advisory lock keeps
 * it from racing the minute's run; the run is recorded), then reports what the alerts look like after it.
 */
export async function runSloCheck(siteId: number): Promise<SloCheck> {
  const run = await runJob("slo-evaluate", "manual", { force: true });
  const changes = run.outcome === "ok" ? ((run.detail.changes as AlertChange[] | undefined) ?? []) : [];
  if (run.outcome === "failed") throw new Error(`SLO evaluation failed: ${run.error}`);
  return { ...(await loadSloReport(siteId)), evaluation: { outcome: run.outcome, changes } };
}
