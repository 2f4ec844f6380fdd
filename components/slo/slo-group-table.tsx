import { SloStatusBadge } from "@/components/slo/slo-status-badge";
import { Table, Td } from "@/components/ui/table";
import { formatBudget, formatEvents, formatSli } from "@/lib/slo/format";
import type { GroupReport } from "@/lib/slo/report-model";

/** The routes of an SLO grouped by route: each its own SLI, budget and alerts. */
export function SloGroupTable({ groups }: { groups: GroupReport[] }) {
  if (groups.length === 0)
    return <p className="mb-4 text-sm text-muted">No route of the selection has traffic in the window yet.</p>;
  return (
    <div className="mb-6" data-testid="slo-groups">
      <Table caption="Routes, each with its own budget" head={["Route", "SLI", "Budget left", "Events", "Status"]}>
        {groups.map((g) => (
          <tr key={g.route} data-testid="slo-group" data-route={g.route}>
            <Td mono>{g.route}</Td>
            <Td>{formatSli(g.sli)}</Td>
            <Td>{formatBudget(g.budget.remainingRatio)}</Td>
            <Td>{formatEvents(g.events.total)}</Td>
            <Td>
              <SloStatusBadge status={g.status} />
            </Td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
