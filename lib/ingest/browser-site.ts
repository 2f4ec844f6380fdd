import "server-only";
import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { canonicalOrigin, originAllowed } from "@/lib/sites/origins";
import { siteByPublicKey } from "@/lib/sites/site-directory";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";

/**
 * Is the request's Origin this server itself (a same-origin page of Vigil)? Absent counts as no cross-origin claim.
 * Behind a TLS-terminating proxy the Host header is often the upstream's, so AUTH_URL's origin (the public URL) is
 * Vigil's own origin too.
 */
function sameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  if (env.AUTH_URL && canonicalOrigin(origin) === new URL(env.AUTH_URL).origin) return true;
  try {
    return new URL(origin).host === headers.get("host");
  } catch {
    return false;
  }
}

/**
 * The site a browser-fed request (vitals, client errors) belongs to: the one its public key names, when the
 * request's Origin is among the site's allowed origins (or is this server); without a key, Vigil's own site, for
 * Vigil's own pages only. Every refusal is a 403 and stores nothing.
 */
export async function browserSiteId(key: string | undefined, headers: Headers): Promise<number> {
  if (key === undefined) {
    if (sameOrigin(headers)) return VIGIL_SITE_ID;
    throw new AppError("unknown_site", "This beacon names no site: send the site's public key (data-site or siteKey).");
  }
  const site = await siteByPublicKey(key);
  if (!site) throw new AppError("unknown_site", "Unknown site key: nothing was stored.");
  if (!originAllowed(headers.get("origin"), site.allowedOrigins) && !sameOrigin(headers))
    throw new AppError(
      "origin_not_allowed",
      "This origin may not send data for that site: add it to the site's allowed origins.",
    );
  return site.id;
}
