// Shared by the browser SDK (tunnel) and the server SDK (sampling); no imports so both bundles can take it.

/** First-party path the browser SDK posts envelopes to; bland on purpose, since blockers match "sentry" or "tunnel". */
export const SENTRY_TUNNEL_PATH = "/api/v1/e7c";

// High-volume machine endpoints: never traced (errors there are still captured). /metrics is the Prometheus scrape.
const UNTRACED = [/^\/api\/v1\//, /^\/api\/health(?:\/|$)/, /^\/api\/bench\//, /^\/metrics$/];

export function isUntracedPath(path: string): boolean {
  return UNTRACED.some((re) => re.test(path));
}
