import { NextResponse } from "next/server";
import { env } from "@/lib/env.js";
import { apiRoute } from "@/lib/http/api-route";
import { forwardEnvelope } from "@/lib/telemetry/sentry-tunnel";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Sentry tunnel (SENTRY_TUNNEL_PATH): the browser SDK posts envelopes here, first-party, and they go on to the DSN host. */
export const POST = apiRoute("/api/v1/e7c", async (request) => {
  const status = await forwardEnvelope(request, env.NEXT_PUBLIC_SENTRY_DSN ?? env.SENTRY_DSN);
  return new NextResponse(null, { status: status >= 500 ? 502 : status });
});
