import "server-only";
import { env } from "@/lib/env.js";

export type ConfigRow = { name: string; value: string };

/** Non-secret configuration for the Settings page: secrets are reported as set / not set, never shown. */
export function configSummary(): ConfigRow[] {
  const isSet = (v: unknown) => (v ? "set" : "not set");
  return [
    { name: "Database", value: env.VIGIL_DB_EMBEDDED ? "embedded PGlite (.vigil/pgdata)" : "external PostgreSQL (DATABASE_URL)" },
    { name: "Bootstrap admin", value: env.VIGIL_ADMIN_PASSWORD ? env.VIGIL_ADMIN_EMAIL : "disabled (VIGIL_ADMIN_PASSWORD not set)" },
    { name: "GitHub sign-in", value: env.AUTH_GITHUB_ID ? "enabled" : "disabled" },
    { name: "AUTH_SECRET", value: isSet(env.AUTH_SECRET) },
    { name: "Public URL (AUTH_URL)", value: env.AUTH_URL ?? "derived from the request" },
    { name: "Sentry (server / browser)", value: `${isSet(env.SENTRY_DSN)} / ${isSet(env.NEXT_PUBLIC_SENTRY_DSN)}` },
    { name: "PostHog analytics", value: !env.NEXT_PUBLIC_POSTHOG_KEY ? "off (no project key)" : env.VIGIL_ANALYTICS_DISABLED ? "off (VIGIL_ANALYTICS_DISABLED)" : `on → ${env.POSTHOG_HOST}` },
    { name: "Scheduler", value: env.VIGIL_SCHEDULER === "in-process" ? "in-process (this server runs the jobs)" : "off (only /api/cron calls run jobs)" },
    { name: "CRON_SECRET / VIGIL_API_TOKEN", value: `${isSet(env.CRON_SECRET)} / ${isSet(env.VIGIL_API_TOKEN)}` },
    { name: "Log level", value: env.LOG_LEVEL },
    { name: "Readiness DB timeout", value: `${env.VIGIL_HEALTH_DB_TIMEOUT_MS} ms` },
  ];
}
