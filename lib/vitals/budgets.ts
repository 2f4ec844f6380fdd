import "server-only";
import { AppError } from "@/lib/errors";
import { requireSite } from "@/lib/sites/sites";
import {
  countBudgets,
  isDuplicateBudget,
  listBudgets,
  removeBudget,
  writeBudget,
} from "@/lib/vitals/budget-repository";
import {
  budgetSubject,
  MAX_BUDGETS_PER_SITE,
  type BudgetInput,
  type BudgetRef,
  type VitalBudget,
} from "@/lib/vitals/budget-spec";

export { listBudgets };

/** Creates (no id) or edits a budget of the site; a second budget for the same metric, percentile, route and device is refused. */
export async function saveBudget({ site, id, ...data }: BudgetInput): Promise<VitalBudget> {
  const { id: siteId } = await requireSite(site);
  if (id === null && (await countBudgets(siteId)) >= MAX_BUDGETS_PER_SITE)
    throw new AppError("bad_request", `A site has at most ${MAX_BUDGETS_PER_SITE} budgets: delete one first.`);
  try {
    const saved = await writeBudget(siteId, id, data);
    if (!saved) throw new AppError("not_found", "Unknown budget: it may have been deleted.");
    return saved;
  } catch (err) {
    if (!isDuplicateBudget(err)) throw err;
    throw new AppError("bad_request", `This site already has a ${budgetSubject(data)} budget: edit that one.`);
  }
}

export async function deleteBudget({ site, id }: BudgetRef): Promise<void> {
  const { id: siteId } = await requireSite(site);
  if (!(await removeBudget(siteId, id))) throw new AppError("not_found", "Unknown budget: it may have been deleted.");
}
