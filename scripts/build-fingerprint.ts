import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// packages/next/src, not its dist/: ensureBuild rebuilds the package before `next build` reads it.
const SOURCE_DIRS = ["app", "components", "config", "lib", "public", "packages/next/src", "packages/next/scripts"];
const SOURCE_FILES = [
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
];

// Server-side variables that change what `next build` emits (they are read by next.config.mjs).
const BUILD_ENV = ["VIGIL_SENTRY_SDK", "VIGIL_DIST_DIR"];

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (!entry.name.endsWith(".test.ts")) yield path;
  }
}

/** Hash of everything a production build depends on, including NEXT_PUBLIC_* and BUILD_ENV values read at build time. */
export function buildFingerprint(root: string, env: Record<string, string | undefined>): string {
  const hash = createHash("sha256");
  const files = [...SOURCE_DIRS.flatMap((d) => [...walk(join(root, d))]), ...SOURCE_FILES.map((f) => join(root, f))]
    .filter((f) => existsSync(f) && statSync(f).isFile())
    .sort();
  for (const file of files) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  for (const key of Object.keys(env)
    .filter((k) => k.startsWith("NEXT_PUBLIC_") || BUILD_ENV.includes(k))
    .sort())
    hash.update(`${key}=${env[key]}\n`);
  return hash.digest("hex");
}
