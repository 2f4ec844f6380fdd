// The only reader of process.env. Plain JS so next.config.mjs can import it and fail the build on a bad env.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

const optionalUrl = z.url().optional();
/** @param {number} fallback */
const sampleRate = (fallback) => z.coerce.number().min(0).max(1).default(fallback);
/**
 * Comma-separated list, trimmed and lower-cased, each entry checked by `item`.
 * @param {import("zod").ZodType<string>} item
 */
const lowerCaseList = (item) =>
  z
    .string()
    .max(4000)
    .transform((s) =>
      s
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(item))
    .optional();

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    AUTH_URL: optionalUrl,
    AUTH_GITHUB_ID: z.string().min(1).optional(),
    AUTH_GITHUB_SECRET: z.string().min(1).optional(),
    // Who may sign in with GitHub (ADR 0009): verified emails or @domains, and organisations. Neither: new users wait as pending.
    AUTH_GITHUB_ALLOWED_EMAILS: lowerCaseList(
      z.union([z.email(), z.string().regex(/^@[a-z\d-]+(\.[a-z\d-]+)+$/)], { error: "must list emails or @domains" }),
    ),
    AUTH_GITHUB_ALLOWED_ORGS: lowerCaseList(
      z.string().regex(/^[a-z\d](?:[a-z\d-]{0,38})$/, "must list GitHub organisation logins"),
    ),
    // How often a session's user, role and session version are re-read from the database (revocation delay).
    VIGIL_SESSION_RECHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    // Reverse proxies in front of `next start` whose X-Forwarded-For entries to trust, or the platform whose header to use.
    VIGIL_TRUSTED_PROXIES: z
      .union([z.enum(["vercel", "netlify"]), z.coerce.number().int().min(0).max(10)], {
        error: "must be a number of proxy hops (0-10), vercel or netlify",
      })
      .optional(),
    // Set by the platforms themselves; only their presence is read (the default of VIGIL_TRUSTED_PROXIES).
    VERCEL: z.string().optional(),
    NETLIFY: z.string().optional(),
    // Set by the launcher when it started the embedded PGlite; shown on the overview and tunes the pool.
    VIGIL_DB_EMBEDDED: z.stringbool().default(false),
    VIGIL_ADMIN_EMAIL: z.email().default("admin@vigil.local"),
    VIGIL_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").max(200).optional(),
    VIGIL_HEALTH_DB_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
    VIGIL_INGEST_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(600),
    VIGIL_VITALS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    // Distinct routes browser data (vitals, client errors) may add per UTC day; later ones are stored as "(other)".
    VIGIL_INGEST_MAX_ROUTES_PER_DAY: z.coerce.number().int().min(10).max(100_000).default(1_000),
    // Beacons per site per minute on one instance, whatever their addresses: one site cannot crowd out the others.
    VIGIL_SITE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(120_000),
    // Rollup retention: hour rows serve windows up to 30 days (SLOs, Requests), day rows the 90-day windows.
    VIGIL_ROLLUP_HOURLY_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(31, "must be at least 31 (30-day SLO windows read hour rows)")
      .max(3650)
      .default(35),
    VIGIL_ROLLUP_DAILY_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(91, "must be at least 91 (the 90-day windows read day rows)")
      .max(36_500)
      .default(400),
    // Enables /api/bench/empty, the baseline the ingest benchmark compares against; off in normal runs.
    VIGIL_BENCH_ENDPOINTS: z.stringbool().default(false),
    // Server telemetry (lib/telemetry): request metrics, /metrics, OpenTelemetry traces.
    VIGIL_REQUEST_METRICS: z.stringbool().default(true),
    VIGIL_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").max(200).optional(),
    VIGIL_TELEMETRY_FLUSH_MS: z.coerce.number().int().min(500).max(300_000).default(10_000),
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
    OTEL_SERVICE_NAME: z.string().min(1).max(100).default("vigil"),
    OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SENTRY_DSN: optionalUrl,
    SENTRY_ENVIRONMENT: z.string().max(64).optional(),
    SENTRY_TRACES_SAMPLE_RATE: sampleRate(0),
    SENTRY_SAMPLE_RATE: sampleRate(1),
    // false: build and run without the Sentry SDK at all (the baseline of `npm run bench:sentry`); also read by next.config.mjs.
    VIGIL_SENTRY_SDK: z.stringbool().default(true),
    // Build output folder; lets the benchmark keep a Sentry-less build beside the normal one.
    VIGIL_DIST_DIR: z
      .string()
      .regex(/^\.next[\w-]*$/, "must be .next or start with .next-")
      .default(".next"),
    SENTRY_AUTH_TOKEN: z.string().min(1).optional(),
    SENTRY_ORG: z.string().min(1).optional(),
    SENTRY_PROJECT: z.string().min(1).optional(),
    // Where the first-party relay and posthog-node send events; read at run time, so no rebuild to change it.
    POSTHOG_HOST: z.url({ protocol: /^https?$/ }).default("https://us.i.posthog.com"),
    POSTHOG_ASSETS_HOST: z.url({ protocol: /^https?$/ }).default("https://us-assets.i.posthog.com"),
    // Instance-wide off switch: the relay forwards nothing, the browser SDK does not start, no server events.
    VIGIL_ANALYTICS_DISABLED: z.stringbool().default(false),
    // Scheduler (lib/scheduler): /api/cron/* needs "Authorization: Bearer $CRON_SECRET" (Vercel Cron sends it).
    CRON_SECRET: z.string().min(16, "must be at least 16 characters").max(200).optional(),
    // in-process: `next start` runs the jobs itself (advisory locks keep one runner per job); off: only cron calls.
    VIGIL_SCHEDULER: z.enum(["in-process", "off"]).default("in-process"),
    // Machine access to /api/observability/* and POST /api/v1/slo-events ("Authorization: Bearer <token>").
    VIGIL_API_TOKEN: z.string().min(16, "must be at least 16 characters").max(200).optional(),
    // What the built-in "vigil" uptime monitor probes; default: AUTH_URL (else http://127.0.0.1:$PORT) + /api/health/ready.
    VIGIL_SELF_PROBE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    // Heartbeat pings per minute per client address, checked before the token is looked up.
    VIGIL_HEARTBEAT_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  },
  client: {
    NEXT_PUBLIC_SENTRY_DSN: optionalUrl,
    NEXT_PUBLIC_SENTRY_ENVIRONMENT: z.string().max(64).optional(),
    NEXT_PUBLIC_SENTRY_SAMPLE_RATE: sampleRate(1),
    NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE: sampleRate(0),
    NEXT_PUBLIC_APP_VERSION: z.string().max(64).default("0.1.0"),
    // PostHog project key: public by design (it only allows sending events); unset keeps analytics off.
    NEXT_PUBLIC_POSTHOG_KEY: z
      .string()
      .regex(/^phc_\w{1,200}$/, "must be a PostHog project key (phc_…)")
      .optional(),
  },
  runtimeEnv: {
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL,
    AUTH_SECRET: process.env.AUTH_SECRET,
    AUTH_URL: process.env.AUTH_URL,
    AUTH_GITHUB_ID: process.env.AUTH_GITHUB_ID,
    AUTH_GITHUB_SECRET: process.env.AUTH_GITHUB_SECRET,
    AUTH_GITHUB_ALLOWED_EMAILS: process.env.AUTH_GITHUB_ALLOWED_EMAILS,
    AUTH_GITHUB_ALLOWED_ORGS: process.env.AUTH_GITHUB_ALLOWED_ORGS,
    VIGIL_SESSION_RECHECK_SECONDS: process.env.VIGIL_SESSION_RECHECK_SECONDS,
    VIGIL_TRUSTED_PROXIES: process.env.VIGIL_TRUSTED_PROXIES,
    VERCEL: process.env.VERCEL,
    NETLIFY: process.env.NETLIFY,
    VIGIL_DB_EMBEDDED: process.env.VIGIL_DB_EMBEDDED,
    VIGIL_ADMIN_EMAIL: process.env.VIGIL_ADMIN_EMAIL,
    VIGIL_ADMIN_PASSWORD: process.env.VIGIL_ADMIN_PASSWORD,
    VIGIL_HEALTH_DB_TIMEOUT_MS: process.env.VIGIL_HEALTH_DB_TIMEOUT_MS,
    VIGIL_INGEST_RATE_PER_MINUTE: process.env.VIGIL_INGEST_RATE_PER_MINUTE,
    VIGIL_VITALS_RETENTION_DAYS: process.env.VIGIL_VITALS_RETENTION_DAYS,
    VIGIL_INGEST_MAX_ROUTES_PER_DAY: process.env.VIGIL_INGEST_MAX_ROUTES_PER_DAY,
    VIGIL_SITE_RATE_PER_MINUTE: process.env.VIGIL_SITE_RATE_PER_MINUTE,
    VIGIL_ROLLUP_HOURLY_RETENTION_DAYS: process.env.VIGIL_ROLLUP_HOURLY_RETENTION_DAYS,
    VIGIL_ROLLUP_DAILY_RETENTION_DAYS: process.env.VIGIL_ROLLUP_DAILY_RETENTION_DAYS,
    VIGIL_BENCH_ENDPOINTS: process.env.VIGIL_BENCH_ENDPOINTS,
    VIGIL_REQUEST_METRICS: process.env.VIGIL_REQUEST_METRICS,
    VIGIL_METRICS_TOKEN: process.env.VIGIL_METRICS_TOKEN,
    VIGIL_TELEMETRY_FLUSH_MS: process.env.VIGIL_TELEMETRY_FLUSH_MS,
    OTEL_EXPORTER_OTLP_ENDPOINT: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
    OTEL_SERVICE_NAME: process.env.OTEL_SERVICE_NAME,
    OTEL_TRACES_SAMPLER_ARG: process.env.OTEL_TRACES_SAMPLER_ARG,
    LOG_LEVEL: process.env.LOG_LEVEL,
    SENTRY_DSN: process.env.SENTRY_DSN,
    SENTRY_ENVIRONMENT: process.env.SENTRY_ENVIRONMENT,
    SENTRY_TRACES_SAMPLE_RATE: process.env.SENTRY_TRACES_SAMPLE_RATE,
    SENTRY_SAMPLE_RATE: process.env.SENTRY_SAMPLE_RATE,
    VIGIL_SENTRY_SDK: process.env.VIGIL_SENTRY_SDK,
    VIGIL_DIST_DIR: process.env.VIGIL_DIST_DIR,
    SENTRY_AUTH_TOKEN: process.env.SENTRY_AUTH_TOKEN,
    SENTRY_ORG: process.env.SENTRY_ORG,
    SENTRY_PROJECT: process.env.SENTRY_PROJECT,
    POSTHOG_HOST: process.env.POSTHOG_HOST,
    POSTHOG_ASSETS_HOST: process.env.POSTHOG_ASSETS_HOST,
    VIGIL_ANALYTICS_DISABLED: process.env.VIGIL_ANALYTICS_DISABLED,
    CRON_SECRET: process.env.CRON_SECRET,
    VIGIL_SCHEDULER: process.env.VIGIL_SCHEDULER,
    VIGIL_API_TOKEN: process.env.VIGIL_API_TOKEN,
    VIGIL_SELF_PROBE_URL: process.env.VIGIL_SELF_PROBE_URL,
    VIGIL_HEARTBEAT_RATE_PER_MINUTE: process.env.VIGIL_HEARTBEAT_RATE_PER_MINUTE,
    PORT: process.env.PORT,
    NEXT_PUBLIC_SENTRY_DSN: process.env.NEXT_PUBLIC_SENTRY_DSN,
    NEXT_PUBLIC_SENTRY_ENVIRONMENT: process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT,
    NEXT_PUBLIC_SENTRY_SAMPLE_RATE: process.env.NEXT_PUBLIC_SENTRY_SAMPLE_RATE,
    NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE: process.env.NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE,
    NEXT_PUBLIC_APP_VERSION: process.env.NEXT_PUBLIC_APP_VERSION,
    NEXT_PUBLIC_POSTHOG_KEY: process.env.NEXT_PUBLIC_POSTHOG_KEY,
  },
  emptyStringAsUndefined: true,
  // GitHub OAuth is all-or-nothing; a half-configured provider would fail at sign-in instead of at start.
  createFinalSchema: (shape) =>
    z.object(shape).superRefine((v, ctx) => {
      if (Boolean(v.AUTH_GITHUB_ID) !== Boolean(v.AUTH_GITHUB_SECRET)) {
        ctx.addIssue({
          code: "custom",
          path: ["AUTH_GITHUB_SECRET"],
          message: "set both AUTH_GITHUB_ID and AUTH_GITHUB_SECRET, or neither",
        });
      }
    }),
  onValidationError: (issues) => {
    const names = issues.map((i) => (i.path ?? []).map((p) => (typeof p === "object" ? p.key : p)).join(".") || "?");
    console.error(
      `Invalid environment variables:\n${issues.map((i, n) => `  - ${names[n]}: ${i.message}`).join("\n")}\nSee .env.example for every variable.`,
    );
    throw new Error(`Invalid environment variables: ${names.join(", ")}`);
  },
});
