import "server-only";
import { env } from "@/lib/env.js";
import { rateLimited } from "@/lib/errors";
import { browserRouteStore } from "@/lib/ingest/browser-route-repository";
import { RateLimiter } from "@/lib/http/rate-limit";
import { RouteAdmission } from "@/lib/ingest/route-admission";
import { processSingleton } from "@/lib/process-singleton";

// What every browser-fed endpoint (vitals, client errors) shares: one beacon budget per client address, one per
// site, and one daily route allowance per site, per process, whichever bundle loads this module.
type BrowserLimits = { limiter: RateLimiter; perSite: RateLimiter; routes: Map<number, RouteAdmission> };
const limits = () =>
  processSingleton<BrowserLimits>("browserLimits", () => ({
    limiter: new RateLimiter(env.VIGIL_INGEST_RATE_PER_MINUTE),
    perSite: new RateLimiter(env.VIGIL_SITE_RATE_PER_MINUTE),
    routes: new Map(),
  }));

/** Throws a 429 AppError (Retry-After) when the client address is over its beacon budget. */
export function checkBrowserRate(ip: string): void {
  const retryAfterSeconds = limits().limiter.take(ip);
  if (retryAfterSeconds > 0)
    throw rateLimited(retryAfterSeconds, `Too many beacons from this address. Retry in ${retryAfterSeconds} s.`);
}

/** Throws a 429 AppError (Retry-After) when the site is over its beacon budget (on this instance). */
export function checkSiteRate(siteId: number): void {
  const retryAfterSeconds = limits().perSite.take(String(siteId));
  if (retryAfterSeconds > 0)
    throw rateLimited(retryAfterSeconds, `This site sends more beacons than allowed. Retry in ${retryAfterSeconds} s.`);
}

/** Route templates as they will be stored on `at`'s day: past the site's daily cap, new routes share "(other)". */
export function storedRoutes(
  siteId: number,
  routes: readonly string[],
  at = new Date(),
): Promise<(route: string) => string> {
  const all = limits().routes;
  let admission = all.get(siteId);
  if (!admission) {
    admission = new RouteAdmission(browserRouteStore(siteId), env.VIGIL_INGEST_MAX_ROUTES_PER_DAY);
    all.set(siteId, admission);
  }
  return admission.resolve(routes, at.getTime());
}
