import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { clientIp } from "@/lib/http/client-ip";
import { requestLogger } from "@/lib/log/logger";
import { CSP_REPORT_PATH } from "@/lib/security/csp-report";
import { recordCspReport } from "@/lib/security/record-csp-report";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Violation reports of the page policy (report-uri): logged as a summary, never stored. */
export const POST = apiRoute(CSP_REPORT_PATH, async (request) => {
  await recordCspReport(request, clientIp(request.headers), requestLogger(request, { route: CSP_REPORT_PATH }));
  return new NextResponse(null, { status: 204 });
});
