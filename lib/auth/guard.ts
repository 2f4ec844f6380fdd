import "server-only";
import { redirect } from "next/navigation";
import type { Session } from "next-auth";
import { auth } from "@/lib/auth";
import { roleAllows, type AccessRole } from "@/lib/auth/roles";
import { forbidden, unauthorized } from "@/lib/errors";

// Defence in depth: proxy.ts already gates /admin, but every page and API checks the session again itself.
// The session's role is re-read from the database at most VIGIL_SESSION_RECHECK_SECONDS old (lib/auth/session-check).

const AWAITING_APPROVAL = "Your account is waiting for an admin's approval.";

export async function requirePageSession(need: AccessRole = "viewer"): Promise<Session> {
  const session = await auth();
  if (!session?.user) redirect("/login");
  // The login page tells pending users they are waiting; /admin?denied=1 would loop back here.
  if (session.user.role === "pending") redirect("/login");
  if (!roleAllows(session.user.role, need)) redirect("/admin?denied=1");
  return session;
}

export async function requireApiSession(need: AccessRole = "viewer"): Promise<Session> {
  const session = await auth();
  if (!session?.user) throw unauthorized();
  if (session.user.role === "pending") throw forbidden(AWAITING_APPROVAL);
  if (!roleAllows(session.user.role, need)) throw forbidden();
  return session;
}
