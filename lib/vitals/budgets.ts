import "server-only";
import { z } from "zod";
import { saveBudget } from "@/lib/vitals/budget-repository";
import { SiteSlug } from "@/lib/sites/site-input";
import { requireSite } from "@/lib/sites/sites";
import { METRIC_NAMES, METRICS } from "@/lib/vitals/metrics";

export const BUDGET_FIELDS = ["site", "metric", "threshold"] as const;

/** The budget form: a metric and its threshold in the metric's unit; empty means "back to the default". */
export const BudgetInput = z
  .object({
    site: SiteSlug,
    metric: z.enum(METRIC_NAMES, { error: "Unknown metric." }),
    threshold: z.preprocess(
      (v) => String(v ?? "").trim(),
      z.union([z.literal("").transform(() => null), z.coerce.number().positive("Budget must be above 0.")], {
        error: "Budget must be a number.",
      }),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.threshold !== null && v.threshold > METRICS[v.metric].max)
      ctx.addIssue({
        code: "custom",
        path: ["threshold"],
        message: `Budget must be at most ${METRICS[v.metric].max}.`,
      });
  });
export type BudgetInput = z.infer<typeof BudgetInput>;

export async function setBudget({ site, metric, threshold }: BudgetInput): Promise<void> {
  await saveBudget((await requireSite(site)).id, metric, threshold);
}
