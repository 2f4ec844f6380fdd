import "server-only";
import client from "prom-client";
import { METRIC_NAMES, METRICS, type MetricName } from "@/lib/vitals/metrics";
import {
  HTTP_DURATION_BUCKETS,
  JOB_DURATION_BUCKETS,
  METRIC,
  PROBE_DURATION_BUCKETS,
  vitalBuckets,
  vitalMetricName,
} from "@/lib/telemetry/metric-names";
import { processSingleton } from "@/lib/process-singleton";

function createTelemetry() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  // Gauges named *_total break the exposition-format rules `promtool check metrics` enforces.
  for (const name of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"])
    registry.removeSingleMetric(name);
  const startedAt = Date.now();
  return {
    registry,
    httpRequests: new client.Counter({
      name: METRIC.httpRequests,
      help: "HTTP requests handled by the Next.js server, by route template.",
      labelNames: ["site", "route", "method", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: METRIC.httpDuration,
      help: "Time from the request's arrival to the end of its response.",
      labelNames: ["site", "route", "method", "status"] as const,
      buckets: HTTP_DURATION_BUCKETS,
      registers: [registry],
    }),
    vitals: Object.fromEntries(
      METRIC_NAMES.map((name) => [
        name,
        new client.Histogram({
          name: vitalMetricName(name),
          help: `Real-user ${METRICS[name].label} (${METRICS[name].unit === "ms" ? "seconds" : "score"}).`,
          labelNames: ["site", "route", "device"] as const,
          buckets: vitalBuckets(name),
          registers: [registry],
        }),
      ]),
    ) as Record<MetricName, client.Histogram<"site" | "route" | "device">>,
    ingestAccepted: new client.Counter({
      name: METRIC.ingestAccepted,
      help: "Web-vitals beacons stored.",
      registers: [registry],
    }),
    ingestValues: new client.Counter({
      name: METRIC.ingestValues,
      help: "Web-vitals values stored (one beacon carries several).",
      registers: [registry],
    }),
    ingestRejected: new client.Counter({
      name: METRIC.ingestRejected,
      help: "Web-vitals beacons not stored, by reason.",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    clientErrors: new client.Counter({
      name: METRIC.clientErrors,
      help: "Uncaught browser errors and unhandled rejections reported by Vigil's pages.",
      registers: [registry],
    }),
    jobRuns: new client.Counter({
      name: METRIC.jobRuns,
      help: "Scheduled job runs, by job and outcome (ok, skipped when another instance holds the lock, failed).",
      labelNames: ["job", "outcome"] as const,
      registers: [registry],
    }),
    jobDuration: new client.Histogram({
      name: METRIC.jobDuration,
      help: "Scheduled job run time.",
      labelNames: ["job"] as const,
      buckets: JOB_DURATION_BUCKETS,
      registers: [registry],
    }),
    notificationDeliveries: new client.Counter({
      name: METRIC.notificationDeliveries,
      help: "Notification delivery attempts, by channel kind and outcome (delivered, retry, dead).",
      labelNames: ["kind", "outcome"] as const,
      registers: [registry],
    }),
    dbUnavailable: new client.Counter({
      name: METRIC.dbUnavailable,
      help: "Requests and job runs refused (503) because Postgres could not be reached.",
      registers: [registry],
    }),
    dbOutages: new client.Counter({
      name: METRIC.dbOutages,
      help: "Times this instance lost its database (one per outage, however many requests it refused).",
      registers: [registry],
    }),
    rollupFlushFailures: new client.Counter({
      name: METRIC.rollupFlushFailures,
      help: "Failed writes of request rollups to Postgres (kept in memory and retried).",
      registers: [registry],
    }),
    sloEvents: new client.Counter({
      name: METRIC.sloEvents,
      help: "Events of custom SLOs reported through POST /api/v1/slo-events, by SLO and outcome (good, bad).",
      labelNames: ["site", "slo", "outcome"] as const,
      registers: [registry],
    }),
    alertsOpen: new client.Gauge({
      name: METRIC.alertsOpen,
      help: "Open SLO alerts (pending or firing) as of this instance's last evaluation.",
      labelNames: ["site", "slo", "severity", "state"] as const,
      registers: [registry],
    }),
    probeResults: new client.Counter({
      name: METRIC.probeResults,
      help: "Uptime checks (HTTP probes, heartbeat pings and missed heartbeats), by monitor slug and outcome (up, down).",
      labelNames: ["site", "monitor", "outcome"] as const,
      registers: [registry],
    }),
    probeDuration: new client.Histogram({
      name: METRIC.probeDuration,
      help: "Time an HTTP probe took, redirects and body read included, by monitor slug.",
      labelNames: ["site", "monitor"] as const,
      buckets: PROBE_DURATION_BUCKETS,
      registers: [registry],
    }),
    uptime: new client.Gauge({
      name: METRIC.uptime,
      help: "Seconds since this Vigil process started serving.",
      registers: [registry],
      collect() {
        this.set((Date.now() - startedAt) / 1000);
      },
    }),
  };
}

export type Telemetry = ReturnType<typeof createTelemetry>;

// Next loads server modules in several bundles; one registry per process keeps /metrics complete.

export function telemetry(): Telemetry {
  return processSingleton("telemetry", createTelemetry);
}

/** Runs a scheduled job and records its outcome; a job returns "skipped" when another instance ran it. */
export async function recordJob<T>(job: string, run: () => Promise<T | "skipped">): Promise<T | "skipped"> {
  const t = telemetry();
  const end = t.jobDuration.startTimer({ job });
  try {
    const result = await run();
    t.jobRuns.inc({ job, outcome: result === "skipped" ? "skipped" : "ok" });
    return result;
  } catch (err) {
    t.jobRuns.inc({ job, outcome: "failed" });
    throw err;
  } finally {
    end();
  }
}
