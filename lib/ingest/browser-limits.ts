import "server-only";
import { env } from "@/lib/env.js";
import { rateLimited } from "@/lib/errors";
import { browserRouteStore } from "@/lib/ingest/browser-route-repository";
import { RateLimiter } from "@/lib/http/rate-limit";
import { RouteAdmission } from "@/lib/ingest/route-admission";
import { processSingleton } from "@/lib/process-singleton";

// What every browser-fed endpoint (vitals, client errors) shares: one beacon budget per client address and one
// daily route allowance, per process, whichever bundle loads this module.
type BrowserLimits = { limiter: RateLimiter; routes: RouteAdmission };
const limits = () =>
  processSingleton<BrowserLimits>("browserLimits", () => ({
    limiter: new RateLimiter(env.VIGIL_INGEST_RATE_PER_MINUTE),
    routes: new RouteAdmission(browserRouteStore(), env.VIGIL_INGEST_MAX_ROUTES_PER_DAY),
  }));

/** Throws a 429 AppError (Retry-After) when the client address is over its beacon budget. */
export function checkBrowserRate(ip: string): void {
  const retryAfterSeconds = limits().limiter.take(ip);
  if (retryAfterSeconds > 0)
    throw rateLimited(retryAfterSeconds, `Too many beacons from this address. Retry in ${retryAfterSeconds} s.`);
}

/** Route templates as they will be stored on `at`'s day: past the daily cap, new routes share "(other)". */
export function storedRoutes(routes: readonly string[], at = new Date()): Promise<(route: string) => string> {
  return limits().routes.resolve(routes, at.getTime());
}
