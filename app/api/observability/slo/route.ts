import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { toErrorResponse } from "@/lib/http/errors";
import { requestLogger } from "@/lib/log/logger";
import { loadSloReport } from "@/lib/slo/report";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every SLO now: SLI, error budget, burn rates per rule window, open alerts, status. Viewer session or API token. */
export async function GET(request: Request) {
  try {
    await requireApiAccess(request, "viewer");
    return NextResponse.json(await loadSloReport(), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, requestLogger(request, { route: "/api/observability/slo" }));
  }
}
