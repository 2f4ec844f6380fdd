import { NextResponse } from "next/server";
import { requireApiAccess } from "@/lib/auth/api-access";
import { toErrorResponse } from "@/lib/http/errors";
import { requestLogger } from "@/lib/log/logger";
import { runSloCheck } from "@/lib/slo/report";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Evaluates every SLO now (alerts move, notifications queue) and returns the report. Admin session or API token. */
export async function POST(request: Request) {
  try {
    await requireApiAccess(request, "admin");
    return NextResponse.json(await runSloCheck(), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, requestLogger(request, { route: "/api/observability/slo/check" }));
  }
}
