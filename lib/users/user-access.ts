import "server-only";
import { forgetSessionClaims } from "@/lib/auth/session-check";
import type { UserSummary } from "@/lib/users/types";
import { changeUserRole, listUsers } from "@/lib/users/user-repository";

/** approve: pending → viewer; revoke: viewer → pending. Admins come only from VIGIL_ADMIN_EMAIL (ADR 0003). */
export type AccessChange = "approve" | "revoke";
export type AccessResult = { ok: boolean; message: string };

const MOVES = { approve: ["pending", "viewer"], revoke: ["viewer", "pending"] } as const;

export async function changeUserAccess(userId: string, change: AccessChange, actorId: string): Promise<AccessResult> {
  if (userId === actorId) return { ok: false, message: "You cannot change your own access." };
  const [from, to] = MOVES[change];
  const user = await changeUserRole(userId, from, to);
  if (!user)
    return {
      ok: false,
      message:
        change === "approve"
          ? "This user is not waiting for approval any more."
          : "Only viewers can be sent back to pending.",
    };
  // Applies on this instance at once; other instances see it at their next session check.
  forgetSessionClaims(userId);
  return {
    ok: true,
    message:
      change === "approve"
        ? `${user.email} can now read every dashboard.`
        : `${user.email} has no access until approved again.`,
  };
}

/** Settings → Users: who can sign in and who waits for approval, oldest first. */
export const loadUsers = (): Promise<UserSummary[]> => listUsers();
