import { NextResponse } from "next/server";
import { requireApiToken } from "@/lib/auth/api-access";
import { toErrorResponse } from "@/lib/http/errors";
import { readJsonBeacon } from "@/lib/ingest/read-beacon";
import { requestLogger } from "@/lib/log/logger";
import { MAX_SLO_EVENT_BYTES, recordSloEvents, SloEventReport } from "@/lib/slo/events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Good/total events of a custom SLO, e.g. { "slo": "checkout", "good": 98, "total": 100 }; Bearer VIGIL_API_TOKEN. */
export async function POST(request: Request) {
  try {
    requireApiToken(request);
    const report = await readJsonBeacon(request, SloEventReport, MAX_SLO_EVENT_BYTES);
    await recordSloEvents(report);
    return NextResponse.json({ accepted: report }, { status: 202 });
  } catch (err) {
    return toErrorResponse(err, requestLogger(request, { route: "/api/v1/slo-events" }));
  }
}
