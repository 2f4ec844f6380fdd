import { NextResponse } from "next/server";
import { requireApiSession } from "@/lib/auth/guard";
import { apiSiteId } from "@/lib/auth/api-access";
import { apiRoute } from "@/lib/http/api-route";
import { loadOverview } from "@/lib/overview/overview";

export const dynamic = "force-dynamic";

export const GET = apiRoute("/api/admin/overview", async (request) => {
  await requireApiSession("viewer");
  return NextResponse.json(await loadOverview(await apiSiteId(request)), { headers: { "Cache-Control": "no-store" } });
});
