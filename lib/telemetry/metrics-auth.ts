import { bearerTokenMatches } from "@/lib/http/bearer";

/** True when no token is configured, or the Authorization header carries exactly that bearer token. */
export function metricsAuthorized(authorization: string | null, token: string | undefined): boolean {
  return !token || bearerTokenMatches(authorization, token);
}

/** The start-up warning of a production server whose /metrics anyone who reaches it can read; null otherwise. */
export function openMetricsWarning(nodeEnv: string, token: string | undefined): string | null {
  if (nodeEnv !== "production" || token) return null;
  return 'GET /metrics is open to anyone who can reach this server (route names, traffic, process details): VIGIL_METRICS_TOKEN is not set. Set it (16+ characters) and scrape with "Authorization: Bearer <token>", or keep /metrics unreachable from outside.';
}
