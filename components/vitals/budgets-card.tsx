import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import {
  BudgetDeleteButton,
  BudgetForm,
  type DeleteBudgetAction,
  type SaveBudgetAction,
} from "@/components/vitals/budget-form";
import { BUDGET_WINDOW_MINUTES, type VitalBudget } from "@/lib/vitals/budget-spec";
import { METRICS } from "@/lib/vitals/metrics";

/** The site's budgets: viewers read them; admins (given the actions) add, edit and delete them. */
export function BudgetsCard({
  site,
  budgets,
  metric,
  actions,
}: {
  site: string;
  budgets: readonly VitalBudget[];
  metric: string;
  actions?: { save: SaveBudgetAction; remove: DeleteBudgetAction };
}) {
  const head = ["Budget", "Route", "Device", "Alert", ...(actions ? [""] : [])];
  return (
    <Card data-testid="budgets-card">
      <CardHeader
        title="Budgets"
        description={`Drawn on the charts at their percentile. When alerting, a budget fires once its percentile over the last ${BUDGET_WINDOW_MINUTES} minutes' samples has stayed above it for its "for" time, with at least its minimum samples.`}
      />
      {budgets.length ? (
        <Table caption="Web-vitals budgets" head={head}>
          {budgets.map((b) => (
            <tr key={b.id} data-testid="budget-row" data-budget-id={b.id}>
              <Td>
                <span className="whitespace-nowrap font-medium">
                  p{b.percentile} {b.metric} ≤ {METRICS[b.metric].format(b.threshold)}
                </span>
              </Td>
              <Td mono>{b.route === "*" ? "every route" : b.route}</Td>
              <Td>{b.device === "all" ? "every device" : b.device}</Td>
              <Td>
                {b.enabled ? (
                  <span className="whitespace-nowrap">
                    <Badge tone="warn">on</Badge>{" "}
                    <span className="text-xs text-muted">
                      for {b.forMinutes} min, ≥ {b.minSamples} samples
                    </span>
                  </span>
                ) : (
                  <Badge tone="neutral">off</Badge>
                )}
              </Td>
              {actions ? (
                <Td>
                  <details>
                    <summary className="cursor-pointer text-xs underline-offset-2 hover:underline">Edit</summary>
                    <div className="mt-2 min-w-96 space-y-2">
                      <BudgetForm site={site} budget={b} save={actions.save} />
                      <BudgetDeleteButton site={site} id={b.id} remove={actions.remove} />
                    </div>
                  </details>
                </Td>
              ) : null}
            </tr>
          ))}
        </Table>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="no-budgets">
          No budgets yet: the charts draw each metric's "good" threshold.
          {actions ? " Add one below to draw your own and be alerted when it is broken." : ""}
        </p>
      )}
      {actions ? (
        <div className="mt-4 border-t border-zinc-100 pt-4 dark:border-zinc-800">
          <h3 className="mb-2 text-sm font-semibold">Add a budget</h3>
          <BudgetForm site={site} defaultMetric={metric} save={actions.save} />
        </div>
      ) : null}
    </Card>
  );
}
