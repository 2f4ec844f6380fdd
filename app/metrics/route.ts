import { env } from "@/lib/env.js";
import { errorJson } from "@/lib/http/errors";
import { metricsAuthorized } from "@/lib/telemetry/metrics-auth";
import { telemetry } from "@/lib/telemetry/registry";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Prometheus exposition of this process's metrics; protected by a bearer token when VIGIL_METRICS_TOKEN is set. */
export async function GET(request: Request) {
  if (!metricsAuthorized(request.headers.get("authorization"), env.VIGIL_METRICS_TOKEN)) {
    return errorJson("unauthorized", "Send Authorization: Bearer <VIGIL_METRICS_TOKEN>.", {
      headers: { "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  }
  const { registry } = telemetry();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
