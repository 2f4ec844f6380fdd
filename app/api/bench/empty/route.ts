import { env } from "@/lib/env.js";
import { errorJson } from "@/lib/http/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Baseline for bench/ingest-throughput.ts: the same build, proxy and instrumentation, no work. */
export function POST() {
  if (!env.VIGIL_BENCH_ENDPOINTS) return errorJson("not_found", "No API route matches POST /api/bench/empty.");
  return new Response(null, { status: 204 });
}
