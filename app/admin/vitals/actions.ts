"use server";
import { action } from "@/lib/http/action";
import { BUDGET_FIELDS, BudgetInput, setBudget } from "@/lib/vitals/budgets";

/** Sets one metric's budget; an empty threshold goes back to the metric's "good" threshold. */
export const saveBudgetAction = action(
  { role: "admin", fields: BUDGET_FIELDS, input: BudgetInput, revalidate: ["/admin/vitals"] },
  async (input) => {
    await setBudget(input);
    return { ok: true };
  },
);
