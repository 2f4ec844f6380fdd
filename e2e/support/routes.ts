import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export type AppRoute = { route: string; kind: "page" | "api" };

/**
 * Every app route from the production build's manifest (`/admin/slos/page` → `/admin/slos`), so routes added later
 * are covered without editing the tests. Dynamic segments are filled with a placeholder value.
 */
export function appRoutes(): AppRoute[] {
  const manifest = JSON.parse(
    readFileSync(resolve(import.meta.dirname, "../../.next/app-path-routes-manifest.json"), "utf8"),
  ) as Record<string, string>;
  return Object.entries(manifest).map(([entry, route]) => ({
    route: route.replace(/\[\[?\.{3}[^\]]+\]\]?/g, "x/y").replace(/\[[^\]]+\]/g, "x"),
    kind: entry.endsWith("/route") ? ("api" as const) : ("page" as const),
  }));
}

export const isAdminRoute = ({ route }: AppRoute) => /^\/(api\/)?admin(\/|$)/.test(route);
