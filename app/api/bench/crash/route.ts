import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const crashError = async (request: Request) => {
  const url = new URL(request.url);
  return new Error(
    `Deliberate bench crash ${url.searchParams.get("marker") ?? ""} for ${url.pathname}${url.search} ${await request.text()}`,
  );
};

const handled = apiRoute("/api/bench/crash", async (request) => {
  if (!env.VIGIL_BENCH_ENDPOINTS) throw new AppError("not_found", "No API route matches POST /api/bench/crash.");
  throw await crashError(request);
});

/**
 * Deliberate server error for the Sentry benchmark and e2e tests (only with VIGIL_BENCH_ENDPOINTS): proves that errors
 * on untraced routes reach Sentry. `?via=handler` throws inside apiRoute, the path every route's errors take; without
 * it the error is thrown past any wrapper, to Next's onRequestError.
 */
// biome-ignore lint/plugin/api-route: deliberately unwrapped, see above
export async function POST(request: Request) {
  if (!env.VIGIL_BENCH_ENDPOINTS || new URL(request.url).searchParams.get("via") === "handler") return handled(request);
  throw await crashError(request);
}
