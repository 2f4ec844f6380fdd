import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** What a production build reads: folders (walked), single files, and server-side variables it depends on. */
export type BuildSources = { dirs: readonly string[]; files: readonly string[]; buildEnv: readonly string[] };

// packages/next/src, not its dist/: ensureBuild rebuilds the package before `next build` reads it.
export const VIGIL_SOURCES: BuildSources = {
  dirs: ["app", "components", "config", "lib", "public", "packages/next/src", "packages/next/scripts"],
  files: [
    "package-lock.json",
    "next.config.mjs",
    "tsconfig.json",
    "postcss.config.mjs",
    "proxy.ts",
    "instrumentation.ts",
    "instrumentation-client.ts",
    "sentry.server.config.ts",
    "sentry.edge.config.ts",
    "prisma/schema.prisma",
    "packages/next/package.json",
    "packages/next/tsconfig.json",
  ],
  // Server-side variables that change what `next build` emits (they are read by next.config.mjs).
  buildEnv: ["VIGIL_SENTRY_SDK", "VIGIL_DIST_DIR"],
};

/** An app in examples/<name>: its whole folder, and the workspace package @vigil/next it bundles. */
export const exampleSources = (name: string): BuildSources => ({
  dirs: [`examples/${name}`, "packages/next/src", "packages/next/scripts"],
  files: ["package-lock.json", "packages/next/package.json", "packages/next/tsconfig.json"],
  buildEnv: [],
});

// What a build writes into the folders it reads (build output, Next's generated types file), and unit tests.
const skipped = (name: string) =>
  name.startsWith(".next") ||
  name === "node_modules" ||
  name === "next-env.d.ts" ||
  name.endsWith(".tsbuildinfo") ||
  name.endsWith(".test.ts");

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Hash of everything a production build depends on, including NEXT_PUBLIC_* and build variables read at build time. */
export function buildFingerprint(
  root: string,
  env: Record<string, string | undefined>,
  sources: BuildSources = VIGIL_SOURCES,
): string {
  const hash = createHash("sha256");
  const files = [...sources.dirs.flatMap((d) => [...walk(join(root, d))]), ...sources.files.map((f) => join(root, f))]
    .filter((f) => existsSync(f) && statSync(f).isFile())
    .sort();
  for (const file of files) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  for (const key of Object.keys(env)
    .filter((k) => k.startsWith("NEXT_PUBLIC_") || sources.buildEnv.includes(k))
    .sort())
    hash.update(`${key}=${env[key]}\n`);
  return hash.digest("hex");
}
