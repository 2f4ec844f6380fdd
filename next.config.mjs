import { withSentryConfig } from "@sentry/nextjs/config";
import { env } from "./lib/env.js";
import { staticHeaderRules } from "./lib/security/headers.js";

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  distDir: env.VIGIL_DIST_DIR,
  poweredByHeader: false,
  // Sentry's debug logging out of every bundle (the SDK's bundleSizeOptimizations do not reach Turbopack builds).
  compiler: { define: { __SENTRY_DEBUG__: false } },
  // Native/wasm packages stay out of the server bundle; Next requires them at run time.
  serverExternalPackages: [
    "pino",
    "pg",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "prom-client",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
  ],
  // Fixed at build time; the per-request page policy (nonce) and HSTS are set by proxy.ts (lib/security/headers.js).
  async headers() {
    return staticHeaderRules();
  },
};

const uploadSourceMaps = Boolean(env.SENTRY_AUTH_TOKEN && env.SENTRY_ORG && env.SENTRY_PROJECT);

// VIGIL_SENTRY_SDK=false leaves Sentry out of the build entirely: the baseline `npm run bench:sentry` compares against.
export default !env.VIGIL_SENTRY_SDK
  ? nextConfig
  : withSentryConfig(nextConfig, {
      telemetry: false,
      silent: true,
      org: env.SENTRY_ORG,
      project: env.SENTRY_PROJECT,
      authToken: env.SENTRY_AUTH_TOKEN,
      sourcemaps: { disable: !uploadSourceMaps },
    });
