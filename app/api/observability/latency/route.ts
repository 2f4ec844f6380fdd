import { NextResponse } from "next/server";
import { apiSiteId, requireApiAccess } from "@/lib/auth/api-access";
import { apiRoute } from "@/lib/http/api-route";
import { loadLatencyReport } from "@/lib/requests/latency-report";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Server latency p50/p95/p99 over the last 24 h, all routes. Viewer session or API token. */
export const GET = apiRoute("/api/observability/latency", async (request) => {
  await requireApiAccess(request, "viewer");
  return NextResponse.json(await loadLatencyReport(await apiSiteId(request)), {
    headers: { "Cache-Control": "no-store" },
  });
});
