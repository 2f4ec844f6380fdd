import { NextResponse } from "next/server";
import { clientIp } from "@/lib/http/client-ip";
import { toErrorResponse } from "@/lib/http/errors";
import { requestLogger } from "@/lib/log/logger";
import { CSP_REPORT_PATH } from "@/lib/security/csp-report";
import { recordCspReport } from "@/lib/security/record-csp-report";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Violation reports of the page policy (report-uri): logged as a summary, never stored. */
export async function POST(request: Request) {
  const log = requestLogger(request, { route: CSP_REPORT_PATH });
  try {
    await recordCspReport(request, clientIp(request.headers), log);
    return new NextResponse(null, { status: 204 });
  } catch (err) {
    return toErrorResponse(err, log);
  }
}
