import { NextResponse } from "next/server";
import { recordClientErrors } from "@/lib/client-errors/record-client-errors";
import { ClientErrorReport, MAX_CLIENT_ERROR_BYTES } from "@/lib/client-errors/schema";
import { apiRoute } from "@/lib/http/api-route";
import { clientIp } from "@/lib/http/client-ip";
import { checkBrowserRate } from "@/lib/ingest/browser-limits";
import { browserSiteId } from "@/lib/ingest/browser-site";
import { readJsonBody } from "@/lib/http/read-json";
import { observeClientErrors, observeRejectedBeacon } from "@/lib/telemetry/ingest-metrics";
import { clientContext } from "@/lib/vitals/enrich";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Browser error counts from components/telemetry/client-error-reporter; shares the beacon rate limit per IP. */
export const POST = apiRoute(
  "/api/v1/client-errors",
  async (request) => {
    checkBrowserRate(clientIp(request.headers));
    const report = await readJsonBody(request, ClientErrorReport, MAX_CLIENT_ERROR_BYTES);
    const siteId = await browserSiteId(report.site, request.headers);
    if (clientContext(request.headers).bot) return new NextResponse(null, { status: 204 });
    observeClientErrors(await recordClientErrors(siteId, report));
    // No body, as for beacons: browsers ignore it and it is the costliest part of the exchange for Next.js.
    return new NextResponse(null, { status: 202 });
  },
  { onError: observeRejectedBeacon },
);
