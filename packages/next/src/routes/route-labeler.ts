import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PUBLIC_FILE, RouteTable, STATIC_ASSETS, UNMATCHED } from "./route-table.js";

const CACHE_LIMIT = 5_000;
export const IMAGE_OPTIMIZER = "/_next/image";

/** App Router templates of a build, from the manifest `next build` writes (its values are the public paths). */
export function loadRouteTemplates(distDir: string): string[] {
  const file = join(distDir, "app-path-routes-manifest.json");
  if (!existsSync(file)) return [];
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  // Metadata files and the not-found/error pages are served, but by Next's internals, not as routes of the app.
  return Object.values(manifest).filter((p) => !p.startsWith("/_"));
}

/** Resolves request paths to route labels with a bounded cache, so the hot path is usually one Map lookup. */
export class RouteLabeler {
  private readonly cache = new Map<string, string>();

  constructor(private readonly table: RouteTable) {}

  /** The labeler of the build in `distDir` (default `<cwd>/.next`); no manifest → every path is unmatched. */
  static fromBuild(distDir = join(process.cwd(), ".next")): RouteLabeler {
    return new RouteLabeler(new RouteTable(loadRouteTemplates(distDir)));
  }

  /** `status` tells unmatched paths apart: served (a public/ file) or not found. */
  label(url: string, status: number): string {
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    const cached = this.cache.get(path);
    if (cached !== undefined) return cached;
    const label = path.startsWith("/_next/")
      ? path.startsWith(IMAGE_OPTIMIZER)
        ? IMAGE_OPTIMIZER
        : STATIC_ASSETS
      : this.table.match(path);
    // Unmatched paths are unbounded (scanners), so they are not cached.
    if (label === null) return status < 400 ? PUBLIC_FILE : UNMATCHED;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(path, label);
    return label;
  }
}
