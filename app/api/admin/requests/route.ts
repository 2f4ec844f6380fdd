import { NextResponse } from "next/server";
import { requireApiSession } from "@/lib/auth/guard";
import { toErrorResponse } from "@/lib/http/errors";
import { requestLogger } from "@/lib/log/logger";
import { loadRequestsReport } from "@/lib/requests/report";
import { RequestsQuery } from "@/lib/requests/search-params";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    await requireApiSession("viewer");
    const query = RequestsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return NextResponse.json(await loadRequestsReport(query), { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    return toErrorResponse(err, requestLogger(request, { route: "/api/admin/requests" }));
  }
}
