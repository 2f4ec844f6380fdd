import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import { formatBurn, formatEvents } from "@/lib/slo/format";
import type { RuleReport, SloReportItem } from "@/lib/slo/report-model";
import { windowLabel } from "@/lib/slo/rules";

const REASON: Record<RuleReport["reason"], string> = {
  burning: "burning",
  quiet: "quiet",
  "low-traffic": "too little traffic",
  "no-data": "no data",
};

/** Each burn-rate rule now: both windows' burn rates against the factor, and whether it holds. */
export function SloRulesTable({ item }: { item: SloReportItem }) {
  return (
    <Table
      caption={`${item.name}: burn-rate rules`}
      head={["Rule", "Windows", "Alert above", "Long window", "Short window", "Events (long)", "Now"]}
    >
      {item.burnRates.map((r) => (
        <tr key={r.rule} data-testid="slo-rule" data-rule={r.rule} data-holds={r.holds ? "true" : "false"}>
          <Td>
            <Badge tone={r.severity === "page" ? "poor" : "warn"}>{r.severity}</Badge>{" "}
            <span className="font-mono text-xs">{r.rule}</span>
          </Td>
          <Td>
            <span className="tabular-nums">
              {windowLabel(r.longMinutes)} / {windowLabel(r.shortMinutes)}
            </span>
          </Td>
          <Td>
            <span className="tabular-nums">{r.factor}×</span>
          </Td>
          <Td>
            <span className="tabular-nums" data-testid="rule-long-burn">
              {formatBurn(r.longBurn)}
            </span>
          </Td>
          <Td>
            <span className="tabular-nums" data-testid="rule-short-burn">
              {formatBurn(r.shortBurn)}
            </span>
          </Td>
          <Td>
            <span className="tabular-nums">{formatEvents(r.longEvents)}</span>
          </Td>
          <Td>
            <span className={r.holds ? "font-medium text-red-700 dark:text-red-400" : "text-muted"}>
              {REASON[r.reason]}
            </span>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
