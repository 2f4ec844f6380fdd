import "server-only";
import { redirect } from "next/navigation";
import type { Session } from "next-auth";
import { auth } from "@/lib/auth";
import { roleAllows, type Role } from "@/lib/auth/roles";
import { forbidden, unauthorized } from "@/lib/errors";

// Defence in depth: proxy.ts already gates /admin, but every page and API checks the session again itself.

export async function requirePageSession(need: Role = "viewer"): Promise<Session> {
  const session = await auth();
  if (!session?.user) redirect("/login");
  if (!roleAllows(session.user.role, need)) redirect("/admin?denied=1");
  return session;
}

export async function requireApiSession(need: Role = "viewer"): Promise<Session> {
  const session = await auth();
  if (!session?.user) throw unauthorized();
  if (!roleAllows(session.user.role, need)) throw forbidden();
  return session;
}
