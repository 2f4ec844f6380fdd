import { env } from "@/lib/env.js";
import { errorJson } from "@/lib/http/errors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Baseline for bench:ingest: Next.js's own cost of the beacon exchange (read the body, answer 202 without one). */
export async function POST(request: Request) {
  if (!env.VIGIL_BENCH_ENDPOINTS) return errorJson("not_found", "No API route matches POST /api/bench/echo.");
  await request.text();
  return new Response(null, { status: 202 });
}
