import { NextResponse } from "next/server";
import { apiSiteId, requireApiAccess } from "@/lib/auth/api-access";
import { apiRoute } from "@/lib/http/api-route";
import { runSloCheck } from "@/lib/slo/check";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Evaluates every SLO now (alerts move, notifications queue) and returns the report. Admin session or API token. */
export const POST = apiRoute("/api/observability/slo/check", async (request) => {
  await requireApiAccess(request, "admin");
  return NextResponse.json(await runSloCheck(await apiSiteId(request)), { headers: { "Cache-Control": "no-store" } });
});
