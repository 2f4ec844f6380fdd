import "server-only";
import { siteSlugOf } from "@/lib/sites/site-directory";
import pLimit from "p-limit";
import { logger } from "@/lib/log/logger";
import { telemetry } from "@/lib/telemetry/registry";
import { afterMissedHeartbeat, nextProbeAt } from "@/lib/uptime/check-schedule";
import { listDueMonitors, type Monitor } from "@/lib/uptime/monitor-repository";
import { probe, type ProbeOptions } from "@/lib/uptime/probe";
import { recordCheck, type Recorded } from "@/lib/uptime/record-check";
import { ensureBuiltInMonitor } from "@/lib/uptime/self-monitor";

export type ProbeRunOptions = ProbeOptions & {
  /** Probes side by side. */
  concurrency?: number;
  /** No probe starts after this much of the run; the rest stay due for the next run (a probe then ends ≤ 30 s later). */
  startBudgetMs?: number;
  /** Due monitors taken per run. */
  batch?: number;
};

export type ProbeRunDetail = {
  due: number;
  probed: number;
  up: number;
  down: number;
  heartbeatsMissed: number;
  deferred: number;
  opened: number;
  resolved: number;
};

/**
 * The "uptime-probe" job: makes sure the built-in self-check exists, probes every due HTTP monitor (bounded
 * concurrency, each with its own timeout ≤ 30 s), records a failure for each heartbeat whose deadline passed,
 * and applies the incident rule to each result. `now` is the run's start; a check's time is when it began.
 */
export async function runUptimeProbes(
  now: Date,
  { concurrency = 8, startBudgetMs = 25_000, batch = 200, ...probeOptions }: ProbeRunOptions = {},
): Promise<ProbeRunDetail> {
  const t0 = performance.now();
  const clock = () => new Date(now.getTime() + (performance.now() - t0));
  await ensureBuiltInMonitor(now);
  const due = await listDueMonitors(now, batch);
  const detail: ProbeRunDetail = {
    due: due.length,
    probed: 0,
    up: 0,
    down: 0,
    heartbeatsMissed: 0,
    deferred: 0,
    opened: 0,
    resolved: 0,
  };
  const count = (r: Recorded | null) => {
    if (r?.incident === "opened") detail.opened++;
    if (r?.incident === "resolved") detail.resolved++;
  };

  for (const monitor of due.filter((m) => m.kind === "heartbeat")) {
    count(await recordMissedHeartbeat(monitor, clock()));
    detail.heartbeatsMissed++;
  }

  const limit = pLimit(concurrency);
  await Promise.all(
    due
      .filter((m) => m.kind === "http")
      .map((monitor) =>
        limit(async () => {
          if (performance.now() - t0 > startBudgetMs) return void detail.deferred++;
          const ts = clock();
          const p0 = performance.now();
          const outcome = await probe(monitor, probeOptions);
          telemetry().probeDuration.observe(
            { site: siteSlugOf(monitor.siteId), monitor: monitor.slug },
            (performance.now() - p0) / 1000,
          );
          try {
            count(
              await recordCheck({ id: monitor.id }, { ...outcome, ts }, (m) => ({
                nextCheckAt: nextProbeAt(m.nextCheckAt, m.intervalSeconds, ts),
              })),
            );
          } catch (err) {
            // One monitor's write failing (e.g. deleted meanwhile) must not lose the others' results.
            logger.error({ err, monitor: monitor.slug }, "could not record an uptime check");
            return;
          }
          detail.probed++;
          if (outcome.ok) detail.up++;
          else detail.down++;
        }),
      ),
  );
  return detail;
}

function recordMissedHeartbeat(monitor: Monitor, now: Date): Promise<Recorded | null> {
  const { missed, next } = afterMissedHeartbeat(monitor.nextCheckAt, monitor.intervalSeconds, now);
  const since = monitor.lastPingAt ? `since ${monitor.lastPingAt.toISOString()}` : "yet";
  const error = `No ping ${since}: expected every ${monitor.intervalSeconds} s + ${monitor.graceSeconds} s grace${missed > 1 ? ` (${missed} intervals missed)` : ""}`;
  return recordCheck({ id: monitor.id }, { ts: now, ok: false, statusCode: null, latencyMs: null, error }, () => ({
    nextCheckAt: next,
  }));
}
