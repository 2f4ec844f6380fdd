import "server-only";
import { redirect } from "next/navigation";
import type { Session } from "next-auth";
import { auth } from "@/lib/auth";
import { roleAllows, type Role } from "@/lib/auth/roles";
import { AppError, forbidden, unauthorized } from "@/lib/errors";

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

/** For server actions that answer with inline messages: null when the session has `need`, else why not. */
export async function actionRefusal(need: Role = "admin"): Promise<string | null> {
  try {
    await requireApiSession(need);
    return null;
  } catch (err) {
    return err instanceof AppError ? err.message : "Not allowed.";
  }
}
