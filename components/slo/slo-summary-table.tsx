import { SloStatusBadge } from "@/components/slo/slo-status-badge";
import { Table, Td } from "@/components/ui/table";
import { formatBudget, formatBurn, formatObjective, formatSli } from "@/lib/slo/format";
import type { SloReportItem } from "@/lib/slo/report-model";
import { windowLabel } from "@/lib/slo/rules";

/** The fastest-alerting rule's long window: the burn rate an on-call engineer looks at first. */
const fastest = (item: SloReportItem) => item.burnRates[0];

export function SloSummaryTable({ items }: { items: readonly SloReportItem[] }) {
  return (
    <Table
      caption="Every SLO: SLI against its objective, error budget left, burn rate and status"
      head={["SLO", "Objective", "SLI", "Budget left", "Burn rate", "Open alerts", "Status"]}
    >
      {items.map((item) => {
        const burn = fastest(item);
        return (
          <tr key={item.id} data-testid="slo-row" data-slo={item.id}>
            <Td>
              <a href={`#slo-${item.id}`} className="font-medium underline-offset-2 hover:underline">
                {item.name}
              </a>
              <div className="text-xs text-muted">{item.kind}</div>
            </Td>
            <Td>
              <span className="tabular-nums">{formatObjective(item.objective)}</span>{" "}
              <span className="text-xs text-muted">/ {item.window}</span>
            </Td>
            <Td>
              <span className="tabular-nums" data-testid="slo-sli">
                {formatSli(item.sli)}
              </span>
            </Td>
            <Td>
              <span
                className={`tabular-nums ${item.budget.remainingRatio !== null && item.budget.remainingRatio < 0 ? "text-red-700 dark:text-red-400" : ""}`}
                data-testid="slo-budget"
              >
                {formatBudget(item.budget.remainingRatio)}
              </span>
            </Td>
            <Td>
              <span className="tabular-nums" data-testid="slo-burn">
                {formatBurn(burn?.longBurn ?? null)}
              </span>
              {burn ? <span className="text-xs text-muted"> over {windowLabel(burn.longMinutes)}</span> : null}
            </Td>
            <Td>
              <span className="tabular-nums" data-testid="slo-open-alerts">
                {item.openAlerts.length}
              </span>
            </Td>
            <Td>
              <SloStatusBadge status={item.status} />
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}
