import "server-only";
import type { Session } from "next-auth";
import { requireApiSession } from "@/lib/auth/guard";
import type { AccessRole } from "@/lib/auth/roles";
import { env } from "@/lib/env.js";
import { AppError, forbidden, unauthorized } from "@/lib/errors";
import { bearerTokenMatches } from "@/lib/http/bearer";
import { siteBySecret, siteBySlugCached } from "@/lib/sites/site-directory";
import { VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import type { SiteKeys } from "@/lib/sites/site-repository";

export type ApiAccess = { via: "token" } | { via: "session"; session: Session };

/**
 * Machine or human access to the APIs outside /api/admin (which proxy.ts does not gate): `Authorization: Bearer
 * $VIGIL_API_TOKEN` (any role), else a signed-in session with the role `need`. A wrong token is refused outright
 * rather than falling back to cookies, so a misconfigured client learns it at once.
 */
export async function requireApiAccess(request: Request, need: AccessRole): Promise<ApiAccess> {
  const authorization = request.headers.get("authorization");
  if (authorization?.startsWith("Bearer ")) {
    if (bearerTokenMatches(authorization, env.VIGIL_API_TOKEN)) return { via: "token" };
    throw unauthorized(
      env.VIGIL_API_TOKEN
        ? "The API token is not valid."
        : "API tokens are off: set VIGIL_API_TOKEN (16+ characters) on the server.",
    );
  }
  return { via: "session", session: await requireApiSession(need) };
}

/**
 * The site a server-to-server call acts for: a site's server key (`x-vigil-key: sk_…` or `Authorization: Bearer
 * sk_…`) names it; `Bearer $VIGIL_API_TOKEN` acts for any site, the one `slug` names (Vigil's own by default).
 */
export async function requireSiteKey(request: Request, slug?: string): Promise<SiteKeys> {
  const authorization = request.headers.get("authorization");
  const bearer = authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() : null;
  const key = request.headers.get("x-vigil-key")?.trim() ?? (bearer?.startsWith("sk_") ? bearer : null);
  if (key) {
    const site = await siteBySecret(key);
    if (!site) throw unauthorized("The site key is not valid (rotated, or of a deleted site).");
    if (slug && slug !== site.slug) throw forbidden("This key belongs to another site.");
    return site;
  }
  if (env.VIGIL_API_TOKEN && bearerTokenMatches(authorization, env.VIGIL_API_TOKEN)) {
    const site = await siteBySlugCached(slug ?? VIGIL_SITE_SLUG);
    if (!site) throw new AppError("not_found", `No site "${String(slug).slice(0, 40)}".`);
    return site;
  }
  throw unauthorized("Send the site's server key as x-vigil-key: sk_… (or Authorization: Bearer <VIGIL_API_TOKEN>).");
}

/** The `site` query parameter of an API call (a slug), if any. */
export function siteParam(request: Request): string | undefined {
  return new URL(request.url).searchParams.get("site")?.slice(0, 40) || undefined;
}

/** The site an API read names with `?site=<slug>`, Vigil's own by default; 404 for an unknown slug. */
export async function apiSiteId(request: Request): Promise<number> {
  const slug = siteParam(request) ?? VIGIL_SITE_SLUG;
  const site = await siteBySlugCached(slug);
  if (!site) throw new AppError("not_found", `No site "${slug}".`);
  return site.id;
}
