"use server";
import { action } from "@/lib/http/action";
import { BUDGET_FIELDS, BudgetInput, BudgetRef } from "@/lib/vitals/budget-spec";
import { deleteBudget, saveBudget } from "@/lib/vitals/budgets";

const admin = { role: "admin", revalidate: ["/admin/vitals"] } as const;

/** Adds a budget (no id) or edits one; every field comes back with its error when the input is refused. */
export const saveBudgetAction = action(
  { ...admin, fields: BUDGET_FIELDS, input: BudgetInput, echo: BUDGET_FIELDS },
  async (input) => {
    await saveBudget(input);
    return { ok: true };
  },
);

export const deleteBudgetAction = action(
  { ...admin, fields: ["site", "id"], input: BudgetRef, invalid: "Unknown budget." },
  async (input) => {
    await deleteBudget(input);
    return { ok: true, message: "Deleted." };
  },
);
