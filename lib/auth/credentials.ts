import "server-only";
import bcrypt from "bcryptjs";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env.js";
import { LOGIN_POLICY, LoginThrottle } from "@/lib/auth/login-throttle";
import type { LoginInput } from "@/lib/auth/login-input";
import { findUserByEmail, upsertAdmin, type UserRecord } from "@/lib/users/user-repository";

const BCRYPT_COST = 12;
// Compared against when the user does not exist, so response time does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;
const timingEqualiserHash = () => (dummyHash ??= bcrypt.hash("vigil-timing-equaliser", BCRYPT_COST));

const throttle = new LoginThrottle(LOGIN_POLICY);

export type VerifyResult =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterMs?: number };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Checks an email/password pair. The bootstrap admin (VIGIL_ADMIN_EMAIL / VIGIL_ADMIN_PASSWORD) is checked against
 * the env and upserted, so changing the env password rotates it; everyone else is checked against the stored hash.
 */
export async function verifyCredentials(input: LoginInput, clientAddress: string): Promise<VerifyResult> {
  const attempt = throttle.attempt(clientAddress, input.email);
  if (!attempt.ok) return { ok: false, reason: "throttled", retryAfterMs: attempt.retryAfterMs };
  let user: UserRecord | null;
  try {
    user = await checkPassword(input);
  } catch (err) {
    attempt.abandoned();
    throw err;
  }
  if (!user) return { ok: false, reason: "invalid" };
  attempt.succeeded();
  return { ok: true, user };
}

async function checkPassword({ email, password }: LoginInput): Promise<UserRecord | null> {
  const bootstrapPassword = env.VIGIL_ADMIN_PASSWORD;
  if (bootstrapPassword && email === env.VIGIL_ADMIN_EMAIL.toLowerCase()) {
    if (!sameSecret(password, bootstrapPassword)) return null;
    const existing = await findUserByEmail(email);
    if (existing?.role === "admin" && existing.passwordHash && (await bcrypt.compare(password, existing.passwordHash)))
      return existing;
    return upsertAdmin(email, await bcrypt.hash(password, BCRYPT_COST));
  }
  const user = await findUserByEmail(email);
  const matches = await bcrypt.compare(password, user?.passwordHash ?? (await timingEqualiserHash()));
  return user?.passwordHash && matches ? user : null;
}

// Per stored hash, so each process pays one bcrypt comparison per bootstrap password, not one per session check.
const hashIsCurrent = new Map<string, Promise<boolean>>();

/**
 * False when `user` is the bootstrap admin and their stored hash is not of VIGIL_ADMIN_PASSWORD: the password was
 * rotated in the environment, so the sessions it started must end even before anyone signs in with the new one.
 */
export function bootstrapPasswordCurrent(user: Pick<UserRecord, "email" | "passwordHash">): Promise<boolean> {
  const password = env.VIGIL_ADMIN_PASSWORD;
  if (!password || user.email !== env.VIGIL_ADMIN_EMAIL.toLowerCase()) return Promise.resolve(true);
  if (!user.passwordHash) return Promise.resolve(false);
  let current = hashIsCurrent.get(user.passwordHash);
  if (!current) {
    if (hashIsCurrent.size >= 16) hashIsCurrent.clear();
    current = bcrypt.compare(password, user.passwordHash);
    hashIsCurrent.set(user.passwordHash, current);
  }
  return current;
}
