import { describe, expect, it } from "vitest";
import { db, pgPool } from "@/lib/db";
import { JOBS, type JobSpec } from "@/lib/scheduler/jobs";
import { loadJobsReport } from "@/lib/scheduler/jobs-report";
import { runDueJobs, runJob, runJobSpec } from "@/lib/scheduler/run-job";
import { telemetry } from "@/lib/telemetry/registry";

const spec = (over: Partial<JobSpec>): JobSpec => ({
  name: `it-job-${Math.random().toString(36).slice(2, 8)}`,
  everyMs: 60_000,
  lockKey: 900_000 + Math.floor(Math.random() * 50_000),
  describe: "test job",
  run: async () => ({ did: 1 }),
  ...over,
});
const runsOf = (job: string) => db.jobRun.findMany({ where: { job }, orderBy: { id: "asc" } });
const counted = async (job: string, outcome: string) =>
  (await telemetry().jobRuns.get()).values.find((v) => v.labels.job === job && v.labels.outcome === outcome)?.value ??
  0;

describe("scheduler", () => {
  it("runs a due job once per period across triggers, records each run, and forces a run on demand", async () => {
    let calls = 0;
    const job = spec({ run: async () => ({ call: ++calls }) });
    expect(await runJobSpec(job, "in-process")).toMatchObject({ outcome: "ok", detail: { call: 1 } });
    // Another trigger (a cron call, or a second instance) within the period: not due.
    expect(await runJobSpec(job, "cron")).toMatchObject({ outcome: "not-due" });
    expect(await runJobSpec(job, "manual", { force: true })).toMatchObject({ outcome: "ok", detail: { call: 2 } });
    const runs = await runsOf(job.name);
    expect(runs.map((r) => [r.trigger, r.outcome, r.detail])).toEqual([
      ["in_process", "ok", { call: 1 }],
      ["manual", "ok", { call: 2 }],
    ]);
    expect(runs[0]!.finishedAt.getTime()).toBeGreaterThanOrEqual(runs[0]!.startedAt.getTime());
    expect(await counted(job.name, "ok")).toBe(2);
    // A period later it is due again.
    const later = () => new Date(Date.now() + 61_000);
    expect(await runJobSpec(job, "cron", { now: later })).toMatchObject({ outcome: "ok", detail: { call: 3 } });
  });

  it("skips while another instance holds the job's advisory lock, and runs once it is released", async () => {
    const job = spec({});
    if (process.env.VIGIL_DB_EMBEDDED === "1") {
      // PGlite serves one instance over one connection: no lock is taken there (lib/db/advisory-lock.ts).
      expect(await runJobSpec(job, "in-process")).toMatchObject({ outcome: "ok" });
      return;
    }
    const other = await pgPool().connect();
    try {
      await other.query("SELECT pg_advisory_lock($1::bigint)", [job.lockKey]);
      expect(await runJobSpec(job, "in-process")).toMatchObject({ outcome: "skipped" });
      expect(await runsOf(job.name)).toEqual([]);
      await other.query("SELECT pg_advisory_unlock($1::bigint)", [job.lockKey]);
      expect(await runJobSpec(job, "in-process")).toMatchObject({ outcome: "ok" });
    } finally {
      other.release();
    }
    expect(await counted(job.name, "skipped")).toBe(1);
  });

  it("runs every due job of the table in one call (the cron entry point), and none again within their periods", async () => {
    const first = await runDueJobs("cron");
    expect(first.map((r) => r.job)).toEqual(JOBS.map((j) => j.name));
    expect(first.every((r) => r.outcome === "ok" || r.outcome === "not-due")).toBe(true);
    const again = await runDueJobs("cron");
    expect(again.map((r) => r.outcome)).toEqual(JOBS.map(() => "not-due"));
  });

  it("records a failed run with its message, and the same process never runs one job twice at a time", async () => {
    const failing = spec({
      run: async () => {
        throw new Error("upstream said no");
      },
    });
    expect(await runJobSpec(failing, "cron")).toMatchObject({ outcome: "failed", error: "upstream said no" });
    expect((await runsOf(failing.name)).map((r) => [r.outcome, r.detail])).toEqual([
      ["failed", { error: "upstream said no" }],
    ]);
    expect(await counted(failing.name, "failed")).toBe(1);

    let release!: () => void;
    const slow = spec({ run: () => new Promise((done) => (release = () => done({ slow: true }))) });
    const first = runJobSpec(slow, "in-process");
    await new Promise((r) => setTimeout(r, 50));
    expect(await runJobSpec(slow, "cron", { force: true })).toMatchObject({ outcome: "skipped" });
    release();
    expect(await first).toMatchObject({ outcome: "ok" });
  });

  it("runs the jobs of the table by name and refuses unknown ones", async () => {
    expect(await runJob("job-run-prune", "manual", { force: true })).toMatchObject({
      outcome: "ok",
      detail: { deleted: expect.any(Number) },
    });
    await expect(runJob("no-such-job", "manual")).rejects.toThrow("unknown job");
  });
});

describe("jobs report (Settings)", () => {
  it("lists every job of the table with its latest recorded run and the last day's counts", async () => {
    await runJob("job-run-prune", "manual", { force: true });
    const report = await loadJobsReport();
    expect(report.jobs.map((j) => j.name)).toEqual(JOBS.map((j) => j.name));
    const prune = report.jobs.find((j) => j.name === "job-run-prune")!;
    const recorded = await db.jobRun.findMany({
      where: { job: "job-run-prune", startedAt: { gte: new Date(Date.now() - 86_400_000) } },
      orderBy: { startedAt: "desc" },
    });
    expect(prune).toMatchObject({
      lastOutcome: "ok",
      lastError: null,
      runs24h: recorded.length,
      failures24h: recorded.filter((r) => r.outcome === "failed").length,
    });
    expect(prune.lastStartedAt).toBe(recorded[0]!.startedAt.toISOString());
  });
});
