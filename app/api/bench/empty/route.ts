import { env } from "@/lib/env.js";
import { errorJson } from "@/lib/http/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Baseline for the benchmarks in bench/: the same build, proxy and instrumentation, no work. */
function empty(request: Request) {
  if (!env.VIGIL_BENCH_ENDPOINTS)
    return errorJson("not_found", `No API route matches ${request.method} /api/bench/empty.`);
  return new Response(null, { status: 204 });
}

export { empty as GET, empty as POST };
