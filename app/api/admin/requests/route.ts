import { NextResponse } from "next/server";
import { requireApiSession } from "@/lib/auth/guard";
import { apiSiteId } from "@/lib/auth/api-access";
import { apiRoute } from "@/lib/http/api-route";
import { loadRequestsReport } from "@/lib/requests/report";
import { RequestsQuery } from "@/lib/requests/search-params";

export const dynamic = "force-dynamic";

export const GET = apiRoute("/api/admin/requests", async (request) => {
  await requireApiSession("viewer");
  const query = RequestsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await loadRequestsReport(await apiSiteId(request), query), {
    headers: { "Cache-Control": "no-store" },
  });
});
