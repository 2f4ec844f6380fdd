import { env } from "@/lib/env.js";
import { errorJson, toErrorResponse } from "@/lib/http/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Deliberate server error for the Sentry benchmark and e2e tests (only with VIGIL_BENCH_ENDPOINTS): proves that errors
 * on untraced routes still reach Sentry. `?via=handler` goes through toErrorResponse like the ingest route's catch.
 */
export async function POST(request: Request) {
  if (!env.VIGIL_BENCH_ENDPOINTS) return errorJson("not_found", "No API route matches POST /api/bench/crash.");
  const url = new URL(request.url);
  const error = new Error(
    `Deliberate bench crash ${url.searchParams.get("marker") ?? ""} for ${url.pathname}${url.search} ${await request.text()}`,
  );
  if (url.searchParams.get("via") === "handler") return toErrorResponse(error);
  throw error;
}
