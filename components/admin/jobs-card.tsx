import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { JobsReport } from "@/lib/scheduler/jobs-report";

const every = (ms: number) =>
  ms < 60_000 ? `${ms / 1000} s` : ms < 3_600_000 ? `${ms / 60_000} min` : `${ms / 3_600_000} h`;

function trigger(report: JobsReport): string {
  const inProcess =
    report.scheduler === "in-process"
      ? "this server runs them (VIGIL_SCHEDULER=in-process)"
      : "this server does not run them (VIGIL_SCHEDULER=off)";
  return `${inProcess}; /api/cron/* ${report.cronEnabled ? "accepts CRON_SECRET calls" : "is off (CRON_SECRET not set)"}.`;
}

/** Scheduled jobs and how their last runs went, so an admin sees a stalled scheduler before the data goes stale. */
export function JobsCard({ report }: { report: JobsReport }) {
  return (
    <Card data-testid="jobs-card" className="lg:col-span-2">
      <CardHeader
        title="Scheduled jobs"
        description={`Runs are recorded in job_runs and counted in vigil_job_runs_total; ${trigger(report)}`}
      />
      <Table caption="Scheduled jobs" head={["Job", "Every", "Last run (UTC)", "Outcome", "Runs / failed (24 h)"]}>
        {report.jobs.map((j) => (
          <tr key={j.name} data-testid="job-row" data-job={j.name}>
            <Td>
              <span className="font-mono text-xs">{j.name}</span>
              <span className="block text-xs text-muted">{j.describe}</span>
            </Td>
            <Td>{every(j.everyMs)}</Td>
            <Td>{j.lastStartedAt ? j.lastStartedAt.slice(0, 19).replace("T", " ") : "never"}</Td>
            <Td>
              {j.lastOutcome ? (
                <Badge tone={j.lastOutcome === "ok" ? "good" : "poor"}>{j.lastOutcome}</Badge>
              ) : (
                <Badge>not run yet</Badge>
              )}
              {j.lastError ? (
                <span className="block max-w-64 truncate text-xs text-red-700 dark:text-red-400" title={j.lastError}>
                  {j.lastError}
                </span>
              ) : null}
            </Td>
            <Td>
              <span className="tabular-nums">
                {j.runs24h} /{" "}
                <span className={j.failures24h ? "text-red-700 dark:text-red-400" : ""}>{j.failures24h}</span>
              </span>
            </Td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
