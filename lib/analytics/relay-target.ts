// Which upstream URL a first-party relay path maps to. Pure: the route handler and its tests share it.

/** PostHog ingestion endpoints the browser SDK may call (events, batches, replay, flags); they end in "/" upstream. */
const API_ROOTS = new Set(["e", "i", "batch", "capture", "track", "engage", "s", "flags", "decide"]);
/** Served by the assets host: SDK extensions and the remote config. */
const ASSET_ROOTS = new Set(["static", "array"]);
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_SEGMENTS = 6;
const MAX_QUERY = 2048;

export type RelayHosts = { api: string; assets: string };

/** The upstream URL, or null for anything that is not a PostHog endpoint (so the relay is no open proxy). */
export function relayTarget(segments: readonly string[], search: string, hosts: RelayHosts): URL | null {
  if (segments.length === 0 || segments.length > MAX_SEGMENTS || search.length > MAX_QUERY) return null;
  if (!segments.every((s) => SEGMENT.test(s))) return null;
  const root = segments[0]!;
  const api = API_ROOTS.has(root);
  if (!api && !ASSET_ROOTS.has(root)) return null;
  const url = new URL(api ? hosts.api : hosts.assets);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/${segments.join("/")}${api ? "/" : ""}`;
  url.search = search;
  return url;
}

/** Request headers worth passing on; cookies and credentials never leave the instance. */
export const FORWARDED_REQUEST_HEADERS = [
  "content-type",
  "content-encoding",
  "user-agent",
  "accept",
  "accept-language",
] as const;
/** Response headers passed back (fetch already decoded the body); set-cookie and the rest stay upstream. */
export const RETURNED_RESPONSE_HEADERS = ["content-type", "cache-control"] as const;
