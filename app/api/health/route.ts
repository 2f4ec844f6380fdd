import { NextResponse } from "next/server";
import { env } from "@/lib/env.js";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. No dependencies are checked here (see /api/health/ready). */
export const GET = apiRoute("/api/health", () =>
  // Only what it needs: appFacts() also reads process.memoryUsage(), which showed up in profiles of this hot route.
  NextResponse.json(
    { status: "ok", version: env.NEXT_PUBLIC_APP_VERSION, uptimeSeconds: Math.round(process.uptime()) },
    { headers: { "Cache-Control": "no-store" } },
  ),
);
