"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireApiSession } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { retryDeadDelivery } from "@/lib/notify/deliveries-report";

export type RetryState = { ok?: boolean; error?: string };

const RetryInput = z.object({
  id: z
    .string()
    .regex(/^\d{1,18}$/)
    .transform((v) => BigInt(v)),
});

export async function retryDeliveryAction(_prev: RetryState, form: FormData): Promise<RetryState> {
  try {
    await requireApiSession("admin");
    const parsed = RetryInput.safeParse({ id: form.get("id") });
    if (!parsed.success) return { error: "Unknown delivery." };
    await retryDeadDelivery(parsed.data.id);
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
  revalidatePath("/admin/alerts");
  return { ok: true };
}
