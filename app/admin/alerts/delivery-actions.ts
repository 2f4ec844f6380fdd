"use server";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { retryDeadDelivery } from "@/lib/notify/retry-delivery";

const RetryInput = z.object({
  id: z
    .string()
    .regex(/^\d{1,18}$/)
    .transform((v) => BigInt(v)),
});

/** Alerts → a dead delivery goes back to pending (admins only). */
export const retryDeliveryAction = action(
  { role: "admin", fields: ["id"], input: RetryInput, invalid: "Unknown delivery.", revalidate: ["/admin/alerts"] },
  async ({ id }) => {
    await retryDeadDelivery(id);
    return { ok: true };
  },
);
