import { bearerTokenMatches } from "@/lib/http/bearer";

/** True when no token is configured, or the Authorization header carries exactly that bearer token. */
export function metricsAuthorized(authorization: string | null, token: string | undefined): boolean {
  return !token || bearerTokenMatches(authorization, token);
}
