import "server-only";
import { env } from "@/lib/env.js";
import { rateLimited } from "@/lib/errors";
import { RateLimiter } from "@/lib/http/rate-limit";
import { processSingleton } from "@/lib/process-singleton";

// In memory, per instance, on globalThis (Next may load this module in several bundles).
type Limits = { bySender: RateLimiter; byMonitor: RateLimiter };
// A cron pings once per run; 60 a minute per monitor leaves room for retries and stops a loop from filling the table.
const PER_MONITOR_PER_MINUTE = 60;

const limits = (): Limits =>
  processSingleton<Limits>("heartbeatLimits", () => ({
    bySender: new RateLimiter(env.VIGIL_HEARTBEAT_RATE_PER_MINUTE),
    byMonitor: new RateLimiter(PER_MONITOR_PER_MINUTE),
  }));

/** Before any database work: made-up tokens cost their sender its budget, not a lookup each. */
export function checkPingSender(address: string): void {
  const wait = limits().bySender.take(address);
  if (wait > 0) throw rateLimited(wait, `Too many heartbeat pings from this address. Retry in ${wait} s.`);
}

/** Once the token matched: keyed by monitor id, so unknown tokens never take (or evict) a limiter slot. */
export function checkPingMonitor(monitorId: string): void {
  const wait = limits().byMonitor.take(monitorId);
  if (wait > 0) throw rateLimited(wait, `Too many pings for this heartbeat. Retry in ${wait} s.`);
}
