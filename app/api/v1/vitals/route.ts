import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { clientIp } from "@/lib/http/client-ip";
import { checkBrowserRate } from "@/lib/ingest/browser-limits";
import { browserSiteId } from "@/lib/ingest/browser-site";
import { ingestVitals } from "@/lib/ingest/ingest-vitals";
import { readJsonBody } from "@/lib/http/read-json";
import { observeRejectedBeacon } from "@/lib/telemetry/ingest-metrics";
import { MAX_BEACON_BYTES, VitalsBeacon } from "@/lib/vitals/beacon-schema";
import { clientContext } from "@/lib/vitals/enrich";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Beacons may come from other sites that embed the collector; they carry no credentials.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "content-type",
};

export const POST = apiRoute(
  "/api/v1/vitals",
  async (request) => {
    checkBrowserRate(clientIp(request.headers));
    const beacon = await readJsonBody(request, VitalsBeacon, MAX_BEACON_BYTES);
    const siteId = await browserSiteId(beacon.site, request.headers);
    const client = clientContext(request.headers);
    if (client.bot) {
      observeRejectedBeacon("bot");
      return new NextResponse(null, { status: 204 });
    }
    await ingestVitals(siteId, beacon, client);
    // No body: browsers ignore it, and a response body costs Next.js about a third of this route's throughput.
    return new NextResponse(null, { status: 202 });
  },
  { headers: CORS, onError: observeRejectedBeacon },
);

export const OPTIONS = apiRoute(
  "/api/v1/vitals",
  () => new NextResponse(null, { status: 204, headers: { "Access-Control-Max-Age": "86400" } }),
  { headers: CORS },
);
