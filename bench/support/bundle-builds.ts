// The two production builds the front-end benches compare: SDKs on (Sentry DSN and PostHog key set, as a
// production deploy runs) and off (no DSN, no key, no withSentryConfig). Own build folders, reused when unchanged.
import { resolve } from "node:path";
import { ensureBuild } from "../../scripts/ensure-build";

export type SdkBuild = "on" | "off";
export const SDK_BUILDS: readonly SdkBuild[] = ["on", "off"];
export const root = resolve(import.meta.dirname, "../..");
export const DIST_DIRS: Record<SdkBuild, string> = { on: ".next-bundle-on", off: ".next-bundle-off" };

/** Build-time env of each variant; `sentryPort` is where the browser DSN points (a local receiver in bench:lab). */
export function sdkBuildEnv(build: SdkBuild, sentryPort = 3799): NodeJS.ProcessEnv {
  const dsn = `http://public@127.0.0.1:${sentryPort}/1`;
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    AUTH_SECRET: "bench-only-secret-0123456789abcdefghij",
    VIGIL_DIST_DIR: DIST_DIRS[build],
    ...(build === "on"
      ? {
          VIGIL_SENTRY_SDK: "true",
          SENTRY_DSN: dsn,
          NEXT_PUBLIC_SENTRY_DSN: dsn,
          NEXT_PUBLIC_POSTHOG_KEY: "phc_bench_local_only",
        }
      : { VIGIL_SENTRY_SDK: "false", SENTRY_DSN: "", NEXT_PUBLIC_SENTRY_DSN: "", NEXT_PUBLIC_POSTHOG_KEY: "" }),
  };
}

export async function ensureSdkBuilds(skip: boolean): Promise<void> {
  if (skip) return;
  for (const build of SDK_BUILDS)
    await ensureBuild(root, sdkBuildEnv(build), (line) => console.log(`[bench] ${build}: ${line}`));
}
