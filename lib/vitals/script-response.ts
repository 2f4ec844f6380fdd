import { VITALS_SCRIPT, VITALS_SCRIPT_ETAG } from "@vigil/next/script";

// Loaded by <script src> from any site: a script MIME type (X-Content-Type-Options is nosniff everywhere), open to
// every origin (CORS for <script crossorigin> and SRI, CORP for pages isolated with COEP), cached for an hour and
// then revalidated by ETag, so a new Vigil version reaches pages within the hour.
const HEADERS = {
  "content-type": "text/javascript; charset=utf-8",
  "cache-control": "public, max-age=3600, stale-while-revalidate=86400",
  etag: VITALS_SCRIPT_ETAG,
  "access-control-allow-origin": "*",
  "cross-origin-resource-policy": "cross-origin",
};

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

/** The script-tag collector (@vigil/next/script), or 304 when the browser already holds this version. */
export function vitalsScriptResponse(ifNoneMatch: string | null): Response {
  if (etagMatches(ifNoneMatch, VITALS_SCRIPT_ETAG)) return new Response(null, { status: 304, headers: HEADERS });
  return new Response(VITALS_SCRIPT, { headers: HEADERS });
}
