import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Baseline for bench:ingest: Next.js's own cost of the beacon exchange (read the body, answer 202 without one). */
export const POST = apiRoute("/api/bench/echo", async (request) => {
  if (!env.VIGIL_BENCH_ENDPOINTS) throw new AppError("not_found", "No API route matches POST /api/bench/echo.");
  await request.text();
  return new Response(null, { status: 202 });
});
