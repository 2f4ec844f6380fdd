import { NextResponse } from "next/server";
import { appFacts } from "@/lib/health/checks";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. No dependencies are checked here (see /api/health/ready). */
export function GET() {
  const { version, uptimeSeconds } = appFacts();
  return NextResponse.json({ status: "ok", version, uptimeSeconds }, { headers: { "Cache-Control": "no-store" } });
}
