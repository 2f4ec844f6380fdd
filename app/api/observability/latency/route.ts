import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { toErrorResponse } from "@/lib/http/errors";
import { requestLogger } from "@/lib/log/logger";
import { loadLatencyReport } from "@/lib/requests/latency-report";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Server latency p50/p95/p99 over the last 24 h, all routes. Viewer session or API token. */
export async function GET(request: Request) {
  try {
    await requireApiAccess(request, "viewer");
    return NextResponse.json(await loadLatencyReport(), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, requestLogger(request, { route: "/api/observability/latency" }));
  }
}
