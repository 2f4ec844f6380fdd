import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { checkDatabase } from "@/lib/health/checks";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the database answers within the configured deadline, 503 otherwise. */
export const GET = apiRoute("/api/health/ready", async () => {
  const database = await checkDatabase();
  return NextResponse.json(
    { status: database.ok ? "ready" : "unavailable", checks: { database } },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
