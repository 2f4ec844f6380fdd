import "server-only";
import { env } from "@/lib/env.js";
import { configuredProxyTrust } from "@/lib/http/client-ip";
import type { ProxyTrust } from "@/lib/http/client-address";

export type ConfigRow = { name: string; value: string };

/** Non-secret configuration for the Settings page: secrets are reported as set / not set, never shown. */
export function configSummary(): ConfigRow[] {
  const isSet = (v: unknown) => (v ? "set" : "not set");
  return [
    {
      name: "Database",
      value: env.VIGIL_DB_EMBEDDED ? "embedded PGlite (.vigil/pgdata)" : "external PostgreSQL (DATABASE_URL)",
    },
    {
      name: "Bootstrap admin",
      value: env.VIGIL_ADMIN_PASSWORD ? env.VIGIL_ADMIN_EMAIL : "disabled (VIGIL_ADMIN_PASSWORD not set)",
    },
    { name: "GitHub sign-in", value: env.AUTH_GITHUB_ID ? `enabled: ${githubAdmission()}` : "disabled" },
    { name: "Client address", value: describeTrust(configuredProxyTrust()) },
    { name: "Session re-check", value: `every ${env.VIGIL_SESSION_RECHECK_SECONDS} s` },
    { name: "AUTH_SECRET", value: isSet(env.AUTH_SECRET) },
    { name: "Public URL (AUTH_URL)", value: env.AUTH_URL ?? "derived from the request" },
    { name: "Sentry (server / browser)", value: `${isSet(env.SENTRY_DSN)} / ${isSet(env.NEXT_PUBLIC_SENTRY_DSN)}` },
    {
      name: "PostHog analytics",
      value: !env.NEXT_PUBLIC_POSTHOG_KEY
        ? "off (no project key)"
        : env.VIGIL_ANALYTICS_DISABLED
          ? "off (VIGIL_ANALYTICS_DISABLED)"
          : `on → ${env.POSTHOG_HOST}`,
    },
    {
      name: "Scheduler",
      value:
        env.VIGIL_SCHEDULER === "in-process"
          ? "in-process (this server runs the jobs)"
          : "off (only /api/cron calls run jobs)",
    },
    { name: "CRON_SECRET / VIGIL_API_TOKEN", value: `${isSet(env.CRON_SECRET)} / ${isSet(env.VIGIL_API_TOKEN)}` },
    { name: "Log level", value: env.LOG_LEVEL },
    { name: "Readiness DB timeout", value: `${env.VIGIL_HEALTH_DB_TIMEOUT_MS} ms` },
  ];
}

function githubAdmission(): string {
  const emails = env.AUTH_GITHUB_ALLOWED_EMAILS?.length ?? 0;
  const orgs = env.AUTH_GITHUB_ALLOWED_ORGS?.length ?? 0;
  if (!emails && !orgs) return "no allowlist, new users wait for an admin's approval";
  return `allowlist of ${emails} email/domain entr${emails === 1 ? "y" : "ies"} and ${orgs} organisation${orgs === 1 ? "" : "s"}`;
}

function describeTrust(trust: ProxyTrust): string {
  if ("platform" in trust)
    return trust.platform === "vercel" ? "Vercel's x-real-ip" : "Netlify's x-nf-client-connection-ip";
  if (trust.hops === 0) return "the connecting socket (VIGIL_TRUSTED_PROXIES=0: X-Forwarded-For ignored)";
  return `${trust.hops} trusted proxy hop${trust.hops === 1 ? "" : "s"} of X-Forwarded-For`;
}
