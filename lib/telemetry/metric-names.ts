// What /metrics exposes, by name and bucket edges: pure, so the Prometheus/Grafana generator and the registry
// (lib/telemetry/registry) read one copy without loading prom-client or server-only modules.
import { METRICS, type MetricName } from "@/lib/vitals/metrics";

export const METRIC = {
  httpRequests: "http_requests_total",
  httpDuration: "http_request_duration_seconds",
  ingestAccepted: "vigil_ingest_beacons_accepted_total",
  ingestValues: "vigil_ingest_values_accepted_total",
  ingestRejected: "vigil_ingest_beacons_rejected_total",
  clientErrors: "vigil_client_errors_total",
  jobRuns: "vigil_job_runs_total",
  jobDuration: "vigil_job_duration_seconds",
  notificationDeliveries: "vigil_notification_deliveries_total",
  dbUnavailable: "vigil_database_unavailable_total",
  dbOutages: "vigil_database_outages_total",
  rollupFlushFailures: "vigil_request_rollup_flush_failures_total",
  sloEvents: "vigil_slo_events_total",
  alertsOpen: "vigil_alerts_open",
  probeResults: "vigil_probe_results_total",
  probeDuration: "vigil_probe_duration_seconds",
  uptime: "vigil_uptime_seconds",
} as const;

/** Upper bounds in seconds; 0.4 s matches the shipped latency SLO ("95 % of requests < 400 ms"). */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.4, 0.5, 1, 2.5, 5, 10];
export const JOB_DURATION_BUCKETS = [0.01, 0.05, 0.25, 1, 5, 30, 120];
export const PROBE_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

// Good/poor thresholds are bucket edges, so `le` series answer "share of good samples" exactly.
export function vitalBuckets(name: MetricName): number[] {
  const spec = METRICS[name];
  const scale = spec.unit === "ms" ? 1 / 1000 : 1;
  const [good, poor] = spec.thresholds.map((t) => t * scale) as [number, number];
  return [...new Set([good / 4, good / 2, good, (good + poor) / 2, poor, poor * 2, poor * 4])].sort((a, b) => a - b);
}

export const vitalMetricName = (name: MetricName) =>
  `web_vitals_${name.toLowerCase()}${METRICS[name].unit === "ms" ? "_seconds" : ""}`;
