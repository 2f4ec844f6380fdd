import { NextResponse } from "next/server";
import { clientIp } from "@/lib/http/client-ip";
import { errorCodeOf, toErrorResponse } from "@/lib/http/errors";
import { checkBeaconRate } from "@/lib/ingest/browser-limits";
import { ingestVitals } from "@/lib/ingest/ingest-vitals";
import { readBeacon } from "@/lib/ingest/read-beacon";
import { requestLogger } from "@/lib/log/logger";
import { observeRejectedBeacon } from "@/lib/telemetry/ingest-metrics";
import { clientContext } from "@/lib/vitals/enrich";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Beacons may come from other sites that embed the collector; they carry no credentials.
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "content-type",
};

export async function POST(request: Request) {
  try {
    checkBeaconRate(clientIp(request.headers));
    const beacon = await readBeacon(request);
    const client = clientContext(request.headers);
    if (client.bot) {
      observeRejectedBeacon("bot");
      return new NextResponse(null, { status: 204, headers: CORS });
    }
    await ingestVitals(beacon, client);
    // No body: browsers ignore it, and a response body costs Next.js about a third of this route's throughput.
    return new NextResponse(null, { status: 202, headers: CORS });
  } catch (err) {
    observeRejectedBeacon(errorCodeOf(err));
    const res = toErrorResponse(err, requestLogger(request, { route: "/api/v1/vitals" }));
    for (const [k, v] of Object.entries(CORS)) res.headers.set(k, v);
    return res;
  }
}

export function OPTIONS() {
  return new NextResponse(null, { status: 204, headers: { ...CORS, "Access-Control-Max-Age": "86400" } });
}
