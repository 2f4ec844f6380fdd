import { NextResponse } from "next/server";
import { env } from "@/lib/env.js";
import { toErrorResponse } from "@/lib/http/errors";
import { requestLogger } from "@/lib/log/logger";
import { forwardEnvelope } from "@/lib/telemetry/sentry-tunnel";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Sentry tunnel (SENTRY_TUNNEL_PATH): the browser SDK posts envelopes here, first-party, and they go on to the DSN host. */
export async function POST(request: Request) {
  try {
    const status = await forwardEnvelope(request, env.NEXT_PUBLIC_SENTRY_DSN ?? env.SENTRY_DSN);
    return new NextResponse(null, { status: status >= 500 ? 502 : status });
  } catch (err) {
    return toErrorResponse(err, requestLogger(request, { route: "/api/v1/e7c" }));
  }
}
