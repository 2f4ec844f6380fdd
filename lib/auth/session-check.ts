import "server-only";
import { bootstrapPasswordCurrent } from "@/lib/auth/credentials";
import { isFresh, refreshedToken, type CurrentClaims, type SessionToken } from "@/lib/auth/session-claims";
import { env } from "@/lib/env.js";
import { logger } from "@/lib/log/logger";
import { findUserById } from "@/lib/users/user-repository";
import { processSingleton } from "@/lib/process-singleton";

// Sessions are JWTs; this re-reads their user so that deleting, demoting or rotating a password takes effect within
// VIGIL_SESSION_RECHECK_SECONDS. Cached per instance, so a busy console costs one query per user per interval.
type Entry = { at: number; claims: CurrentClaims };
const MAX_ENTRIES = 10_000;
const cache = () => processSingleton("sessionClaims", () => new Map<string, Entry>());

async function readClaims(userId: string): Promise<CurrentClaims> {
  const user = await findUserById(userId);
  if (!user || !(await bootstrapPasswordCurrent(user))) return null;
  return { role: user.role, sessionVersion: user.sessionVersion };
}

/** The full config's jwt callback on every session read: null ends the session, else the token with today's role. */
export async function checkSessionToken<T extends SessionToken>(token: T, now = Date.now()): Promise<T | null> {
  if (!token.sub) return null;
  const entries = cache();
  const cached = entries.get(token.sub);
  if (cached && isFresh(cached.at, now, env.VIGIL_SESSION_RECHECK_SECONDS * 1000))
    return refreshedToken(token, cached.claims);
  let claims: CurrentClaims;
  try {
    claims = await readClaims(token.sub);
  } catch (err) {
    // A database blip must not sign everyone out; the last known claims (else the token's own) stand meanwhile.
    logger.warn({ err: (err as Error).message }, "session check skipped: the user could not be read");
    return cached ? refreshedToken(token, cached.claims) : token;
  }
  entries.delete(token.sub);
  entries.set(token.sub, { at: now, claims });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return refreshedToken(token, claims);
}

/** After a role change made on this instance, so it applies here at once (other instances within the interval). */
export function forgetSessionClaims(userId: string): void {
  cache().delete(userId);
}
