// First-load JavaScript of each page, read from a production build's manifests (no server, no timing): the scripts
// the HTML of a route loads are Next's root main files plus the chunks of every segment (layouts, page, error and
// not-found boundaries) its client reference manifest lists. Shared by `npm run bench:bundle` and the budget test.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";

export type PageLoad = { route: string; scripts: string[] };

/** Routes with a client reference manifest (every rendered page), as URL templates: "/", "/login", "/status/[slug]". */
export function pageRoutes(distDir: string): string[] {
  const appDir = join(distDir, "server", "app");
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === "page_client-reference-manifest.js") {
        const route = `/${relative(appDir, dir).split(sep).join("/")}`.replace(/\/$/, "");
        routes.push(route || "/");
      }
    }
  };
  walk(appDir);
  return routes.sort();
}

/** Scripts (paths relative to distDir, "static/chunks/…") a first load of `route` fetches; polyfills (nomodule) excluded. */
export function firstLoadScripts(distDir: string, route: string): string[] {
  const build = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const dir = route === "/" ? "" : route.slice(1);
  const file = join(distDir, "server", "app", dir, "page_client-reference-manifest.js");
  const source = readFileSync(file, "utf8");
  // The manifest is a script assigning globalThis.__RSC_MANIFEST[<route>] = {…}; the object literal is JSON.
  const json = source.slice(source.indexOf("= {") + 2).replace(/;\s*$/, "");
  const manifest = JSON.parse(json) as { entryJSFiles: Record<string, string[]> };
  const scripts = new Set(build.rootMainFiles);
  for (const chunks of Object.values(manifest.entryJSFiles)) for (const chunk of chunks) scripts.add(chunk);
  return [...scripts];
}

const gzipCache = new Map<string, number>();

/** Bytes after gzip -9, as a CDN would serve the file. */
export function gzipBytes(path: string): number {
  let size = gzipCache.get(path);
  if (size === undefined) {
    size = gzipSync(readFileSync(path), { level: 9 }).length;
    gzipCache.set(path, size);
  }
  return size;
}

export type ChunkKind = "sentry" | "posthog";

/** Which observability SDKs a chunk holds code of (markers only their minified code carries). */
export function sdkKinds(path: string): ChunkKind[] {
  const text = readFileSync(path, "utf8");
  const kinds: ChunkKind[] = [];
  if (/__SENTRY__|sentry\.javascript|sentry-trace/.test(text)) kinds.push("sentry");
  if ((text.match(/posthog/gi) ?? []).length >= 10) kinds.push("posthog");
  return kinds;
}

export type PageWeight = { route: string; scripts: number; gzip: number; sdkChunksGzip: number };

export function pageWeight(distDir: string, route: string): PageWeight {
  const scripts = firstLoadScripts(distDir, route).map((s) => join(distDir, s));
  let gzip = 0;
  let sdkChunksGzip = 0;
  for (const path of scripts) {
    const bytes = gzipBytes(path);
    gzip += bytes;
    if (sdkKinds(path).length > 0) sdkChunksGzip += bytes;
  }
  return { route, scripts: scripts.length, gzip, sdkChunksGzip };
}

/** Every client chunk of a build (first-load and lazy). */
export function clientChunks(distDir: string): string[] {
  const dir = join(distDir, "static", "chunks");
  return existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".js"))
        .map((f) => join(dir, f))
    : [];
}
