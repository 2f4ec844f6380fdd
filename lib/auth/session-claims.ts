import type { Role } from "@/lib/auth/roles";

// Pure: what a session token may still claim once its user has been re-read (lib/auth/session-check, ADR 0009).

/** The user row as a session sees it; null when the user is gone or their sign-in is no longer valid. */
export type CurrentClaims = { role: Role; sessionVersion: number } | null;
export type SessionToken = { sub?: string; role?: Role; sv?: number };

/** null ends the session (user deleted, or every session revoked by a version bump); else the current role. */
export function refreshedToken<T extends SessionToken>(token: T, current: CurrentClaims): T | null {
  if (!current) return null;
  // Tokens minted before session versions existed carry none: they belong to version 0.
  if ((token.sv ?? 0) !== current.sessionVersion) return null;
  return token.role === current.role ? token : { ...token, role: current.role };
}

/** Cached claims are reused until they are `maxAgeMs` old; older ones are read again. */
export const isFresh = (checkedAt: number, now: number, maxAgeMs: number) => now - checkedAt < maxAgeMs;
