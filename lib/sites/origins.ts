// Allowed origins of a site: exact `scheme://host[:port]` values (default ports dropped, lowercase), or "*" for a
// site an admin opens to every origin. Browsers send `Origin` on cross-origin POSTs; a beacon without one (same-
// origin navigations of old browsers, or a server) is judged by the key alone.
export const ANY_ORIGIN = "*";

/** The canonical form of an origin, or null when `value` is not an http(s) origin (no path, query or credentials). */
export function canonicalOrigin(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === ANY_ORIGIN) return ANY_ORIGIN;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== "/" || /\/./.test(trimmed.replace(/^https?:\/\//i, ""))) return null;
  return url.origin;
}

/** True when a request's Origin header may send data for a site with `allowed` origins. */
export function originAllowed(origin: string | null, allowed: readonly string[]): boolean {
  if (origin === null) return true;
  if (allowed.includes(ANY_ORIGIN)) return true;
  const canonical = canonicalOrigin(origin);
  return canonical !== null && canonical !== ANY_ORIGIN && allowed.includes(canonical);
}
