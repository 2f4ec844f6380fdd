import "server-only";
import { env } from "@/lib/env.js";
import { instanceUrl } from "@/lib/settings/instance-url";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { BUILT_IN_SLUG } from "@/lib/uptime/monitor-input";
import { upsertBuiltInMonitor, type Monitor } from "@/lib/uptime/monitor-repository";

/** VIGIL_SELF_PROBE_URL, else this instance's readiness endpoint. */
export const selfProbeUrl = (): string => env.VIGIL_SELF_PROBE_URL ?? instanceUrl("/api/health/ready");

/** The URL an external job pings (shown to admins only: the token is its only credential). */
export const heartbeatUrl = (token: string) => instanceUrl(`/api/v1/heartbeat/${token}`);

/** The built-in self-check ("vigil", the monitor of the shipped uptime SLO); idempotent, called by every probe run. */
export function ensureBuiltInMonitor(now = new Date()): Promise<Monitor> {
  return upsertBuiltInMonitor({
    siteId: VIGIL_SITE_ID,
    slug: BUILT_IN_SLUG,
    name: "Vigil",
    url: selfProbeUrl(),
    intervalSeconds: 60,
    timeoutMs: 10_000,
    nextCheckAt: now,
  });
}
