import "server-only";
import { loadRequestTotals } from "@/lib/requests/report";

export type LatencyReport = {
  window: "24h";
  requests: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  unit: "ms";
  generatedAt: string;
};

/** GET /api/observability/latency: the same figures as the overview's latency card. */
export async function loadLatencyReport(siteId: number, now = new Date()): Promise<LatencyReport> {
  const t = await loadRequestTotals(siteId, "24h", now);
  return {
    window: "24h",
    requests: t.requests,
    p50: t.p50,
    p95: t.p95,
    p99: t.p99,
    unit: "ms",
    generatedAt: now.toISOString(),
  };
}
