import { NextResponse } from "next/server";
import { requireSiteKey, siteParam } from "@/lib/auth/api-access";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json";
import { MAX_SLO_EVENT_BYTES, recordSloEvents, SloEventReport } from "@/lib/slo/events";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Good/total events of a custom SLO, e.g. { "slo": "checkout", "good": 98, "total": 100 }; a site key or the API token. */
export const POST = apiRoute("/api/v1/slo-events", async (request) => {
  // A site key names its site; the API token acts for ?site=<slug> (Vigil's own by default).
  const site = await requireSiteKey(request, siteParam(request));
  const report = await readJsonBody(request, SloEventReport, MAX_SLO_EVENT_BYTES);
  await recordSloEvents(site.id, report);
  return NextResponse.json({ accepted: report }, { status: 202 });
});
