import { env } from "@/lib/env.js";
import { unauthorized } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { metricsAuthorized } from "@/lib/telemetry/metrics-auth";
import { telemetry } from "@/lib/telemetry/registry";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Prometheus exposition of this process's metrics; protected by a bearer token when VIGIL_METRICS_TOKEN is set. */
export const GET = apiRoute("/metrics", async (request) => {
  if (!metricsAuthorized(request.headers.get("authorization"), env.VIGIL_METRICS_TOKEN))
    throw unauthorized("Send Authorization: Bearer <VIGIL_METRICS_TOKEN>.", 'Bearer realm="metrics"');
  const { registry } = telemetry();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});
