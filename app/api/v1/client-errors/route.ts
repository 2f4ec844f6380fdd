import { NextResponse } from "next/server";
import { recordClientErrors } from "@/lib/client-errors/record-client-errors";
import { ClientErrorReport, MAX_CLIENT_ERROR_BYTES } from "@/lib/client-errors/schema";
import { clientIp } from "@/lib/http/client-ip";
import { errorCodeOf, toErrorResponse } from "@/lib/http/errors";
import { checkBeaconRate } from "@/lib/ingest/browser-limits";
import { readJsonBeacon } from "@/lib/ingest/read-beacon";
import { requestLogger } from "@/lib/log/logger";
import { observeClientErrors, observeRejectedBeacon } from "@/lib/telemetry/ingest-metrics";
import { clientContext } from "@/lib/vitals/enrich";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Browser error counts from components/telemetry/client-error-reporter; shares the beacon rate limit per IP. */
export async function POST(request: Request) {
  try {
    checkBeaconRate(clientIp(request.headers));
    const report = await readJsonBeacon(request, ClientErrorReport, MAX_CLIENT_ERROR_BYTES);
    if (clientContext(request.headers).bot) return new NextResponse(null, { status: 204 });
    const accepted = await recordClientErrors(report);
    observeClientErrors(accepted);
    // No body, as for beacons: browsers ignore it and it is the costliest part of the exchange for Next.js.
    return new NextResponse(null, { status: 202 });
  } catch (err) {
    observeRejectedBeacon(errorCodeOf(err));
    return toErrorResponse(err, requestLogger(request, { route: "/api/v1/client-errors" }));
  }
}
