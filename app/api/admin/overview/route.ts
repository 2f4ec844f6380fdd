import { NextResponse } from "next/server";
import { requireApiSession } from "@/lib/auth/guard";
import { toErrorResponse } from "@/lib/http/errors";
import { requestLogger } from "@/lib/log/logger";
import { loadOverview } from "@/lib/overview/overview";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    await requireApiSession("viewer");
    return NextResponse.json(await loadOverview(), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, requestLogger(request, { route: "/api/admin/overview" }));
  }
}
