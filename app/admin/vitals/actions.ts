"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireApiSession } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { saveBudget } from "@/lib/vitals/budget-repository";
import { METRIC_NAMES, METRICS } from "@/lib/vitals/metrics";

export type BudgetState = { ok?: boolean; error?: string };

const BudgetInput = z
  .object({
    metric: z.enum(METRIC_NAMES),
    threshold: z.union([z.literal("").transform(() => null), z.coerce.number().positive("must be above 0")]),
  })
  .superRefine((v, ctx) => {
    if (v.threshold !== null && v.threshold > METRICS[v.metric].max)
      ctx.addIssue({ code: "custom", path: ["threshold"], message: `must be at most ${METRICS[v.metric].max}` });
  });

export async function saveBudgetAction(_prev: BudgetState, form: FormData): Promise<BudgetState> {
  try {
    await requireApiSession("admin");
  } catch (err) {
    return { error: err instanceof AppError ? err.message : "Not allowed." };
  }
  const parsed = BudgetInput.safeParse({
    metric: form.get("metric"),
    threshold: String(form.get("threshold") ?? "").trim(),
  });
  if (!parsed.success) return { error: `Budget ${parsed.error.issues[0]?.message ?? "is invalid"}.` };
  await saveBudget(parsed.data.metric, parsed.data.threshold);
  revalidatePath("/admin/vitals");
  return { ok: true };
}
