import { timingSafeEqual } from "node:crypto";

/** True only when a token is configured and the Authorization header carries exactly `Bearer <token>`. */
export function bearerTokenMatches(authorization: string | null | undefined, token: string | undefined): boolean {
  if (!token) return false;
  const given = Buffer.from(authorization?.startsWith("Bearer ") ? authorization.slice(7) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
