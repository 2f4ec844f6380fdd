"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-state";

export type SaveBudgetAction = FormAction<ActionState<"site" | "metric" | "threshold">>;

export function BudgetForm({
  site,
  metric,
  threshold,
  unit,
  custom,
  saveBudget,
}: {
  /** The slug of the site whose budget this is. */
  site: string;
  metric: string;
  threshold: number;
  unit: string;
  custom: boolean;
  saveBudget: SaveBudgetAction;
}) {
  const [state, action, pending] = useActionState(saveBudget, {});
  // One line for the whole form: the threshold is its only visible field (the site and metric are hidden).
  const problem = state.ok
    ? undefined
    : (state.message ?? state.errors?.threshold ?? state.errors?.metric ?? state.errors?.site);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm" data-testid="budget-form">
      <input type="hidden" name="site" value={site} />
      <input type="hidden" name="metric" value={metric} />
      <label className="flex flex-col gap-1">
        <span className="text-xs text-muted">
          {metric} budget ({unit}){custom ? "" : " · default = good threshold"}
        </span>
        <input
          name="threshold"
          inputMode="decimal"
          defaultValue={threshold}
          key={threshold}
          className="w-32 rounded-lg border border-zinc-300 bg-white px-2 py-1.5 dark:border-zinc-700 dark:bg-zinc-950"
        />
      </label>
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
      <span className="text-xs text-muted">Empty resets to the default.</span>
      {problem ? (
        <span role="alert" className="w-full text-xs text-red-700 dark:text-red-400">
          {problem}
        </span>
      ) : null}
      {state.ok ? (
        <span role="status" className="w-full text-xs text-emerald-700 dark:text-emerald-400">
          Saved.
        </span>
      ) : null}
    </form>
  );
}
