"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireApiSession } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { changeUserAccess, type AccessResult } from "@/lib/users/user-access";

export type UserAccessState = Partial<AccessResult>;

const Change = z.object({
  id: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[\w-]+$/),
  change: z.enum(["approve", "revoke"]),
});

/** Settings → Users: approve a pending user as viewer, or send a viewer back to pending (admins only). */
export async function changeUserAccessAction(_prev: UserAccessState, form: FormData): Promise<UserAccessState> {
  let actorId: string;
  try {
    actorId = (await requireApiSession("admin")).user.id;
  } catch (err) {
    return { ok: false, message: err instanceof AppError ? err.message : "Not allowed." };
  }
  const input = Change.safeParse({ id: form.get("id"), change: form.get("change") });
  if (!input.success) return { ok: false, message: "Unknown user or change." };
  const result = await changeUserAccess(input.data.id, input.data.change, actorId);
  revalidatePath("/admin/settings");
  return result;
}
