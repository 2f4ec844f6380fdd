import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { env } from "@/lib/env.js";
import { telemetry } from "@/lib/telemetry/registry";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function authorized(header: string | null): boolean {
  if (!env.VIGIL_METRICS_TOKEN) return true;
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice(7) : "");
  const expected = Buffer.from(env.VIGIL_METRICS_TOKEN);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Prometheus exposition of this process's metrics; protected by a bearer token when VIGIL_METRICS_TOKEN is set. */
export async function GET(request: Request) {
  if (!authorized(request.headers.get("authorization"))) {
    return NextResponse.json({ error: { code: "unauthorized", message: "Send Authorization: Bearer <VIGIL_METRICS_TOKEN>." } }, { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
  const { registry } = telemetry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
