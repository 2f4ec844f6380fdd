import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Baseline for the benchmarks in bench/: the same build, proxy, instrumentation and route wrapper, no work. */
const empty = apiRoute("/api/bench/empty", (request) => {
  if (!env.VIGIL_BENCH_ENDPOINTS)
    throw new AppError("not_found", `No API route matches ${request.method} /api/bench/empty.`);
  return new Response(null, { status: 204 });
});

export { empty as GET, empty as POST };
