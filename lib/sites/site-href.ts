import { VIGIL_SITE_SLUG } from "@/lib/sites/vigil-site";

/** The search parameter that names the site a console page shows (`/admin/vitals?site=shop`). */
export const SITE_PARAM = "site";

/**
 * `href` for the site `slug`: `?site=<slug>` first in the query, or no parameter for Vigil's own site (the default,
 * so its URLs stay as they were). The rest of the query and the hash are kept.
 */
export function siteHref(href: string, slug: string | null | undefined): string {
  const hashAt = href.indexOf("#");
  const hash = hashAt >= 0 ? href.slice(hashAt) : "";
  const beforeHash = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = beforeHash.indexOf("?");
  const path = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const rest = new URLSearchParams(queryAt >= 0 ? beforeHash.slice(queryAt + 1) : "");
  rest.delete(SITE_PARAM);
  const query = new URLSearchParams(slug && slug !== VIGIL_SITE_SLUG ? { [SITE_PARAM]: slug } : {});
  for (const [k, v] of rest) query.append(k, v);
  const q = query.toString();
  return `${path}${q ? `?${q}` : ""}${hash}`;
}
