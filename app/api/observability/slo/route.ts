import { NextResponse } from "next/server";
import { apiSiteId, requireApiAccess } from "@/lib/auth/api-access";
import { apiRoute } from "@/lib/http/api-route";
import { loadSloReport } from "@/lib/slo/report";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every SLO now: SLI, error budget, burn rates per rule window, open alerts, status. Viewer session or API token. */
export const GET = apiRoute("/api/observability/slo", async (request) => {
  await requireApiAccess(request, "viewer");
  return NextResponse.json(await loadSloReport(await apiSiteId(request)), { headers: { "Cache-Control": "no-store" } });
});
