import Link from "next/link";
import { RunbookLink } from "@/components/slo/runbook-link";
import { SloCharts } from "@/components/slo/slo-charts";
import { SloGroupTable } from "@/components/slo/slo-group-table";
import { SloRulesTable } from "@/components/slo/slo-rules-table";
import { SloStatusBadge } from "@/components/slo/slo-status-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { siteHref } from "@/lib/sites/site-href";
import { formatBudget, formatEvents, formatObjective, formatSli } from "@/lib/slo/format";
import type { SloChart } from "@/lib/slo/report";
import type { SloReportItem } from "@/lib/slo/report-model";

// What "no data" means for each kind, and what makes data appear.
const NO_DATA: Record<SloReportItem["kind"], string> = {
  availability: "No matching requests in the window. Every request the server handles is counted within seconds.",
  latency: "No matching requests in the window. Every request the server handles is counted within seconds.",
  vitals:
    "No web-vitals samples for this metric, route and device in the window; they arrive as real users load pages.",
  uptime: "No probe results for this monitor in the window: check that the monitor exists and the scheduler runs.",
  custom: "No events reported in the window: the application posts them to POST /api/v1/slo-events.",
};

export function SloCard({
  item,
  chart,
  site,
}: {
  item: SloReportItem;
  chart: SloChart | undefined;
  /** The slug of the site this SLO is measured for (links to its alerts). */
  site: string;
}) {
  const budget = item.budget;
  return (
    <Card id={`slo-${item.id}`} data-testid="slo-card" data-slo={item.id} className="scroll-mt-6">
      <CardHeader
        title={item.name}
        description={
          <>
            {item.measures}. Owner {item.owner} · <RunbookLink url={item.runbookUrl} /> ·{" "}
            <span data-testid="slo-version" title="Budgets and charts measure this version of the definition">
              {item.versionLabel}
            </span>
          </>
        }
        action={<SloStatusBadge status={item.status} />}
      />
      <dl className="mb-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat
          label={`SLI (${item.window})`}
          value={<span data-testid="card-sli">{formatSli(item.sli)}</span>}
          hint={`objective ${formatObjective(item.objective)}`}
        />
        <Stat
          label="Error budget left"
          value={<span data-testid="card-budget">{formatBudget(budget.remainingRatio)}</span>}
          hint={
            item.events.total
              ? `${formatEvents(budget.consumed)} of ${formatEvents(budget.total)} bad events allowed`
              : undefined
          }
        />
        <Stat
          label="Events"
          value={formatEvents(item.events.total)}
          hint={`${formatEvents(item.events.total - item.events.good)} bad`}
        />
        <Stat
          label="Open alerts"
          value={item.openAlerts.length}
          hint={
            item.openAlerts.length ? (
              <Link href={siteHref("/admin/alerts", site)} className="underline underline-offset-2">
                {item.openAlerts.map((a) => `${a.rule} ${a.state}`).join(", ")}
              </Link>
            ) : (
              "none"
            )
          }
        />
      </dl>
      {item.events.total === 0 ? (
        <p
          className="mb-6 rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
          data-testid="slo-no-data"
        >
          No data for this SLO in its {item.window} window. {NO_DATA[item.kind]}
        </p>
      ) : chart ? (
        <div className="mb-6">
          <SloCharts
            name={item.name}
            points={chart.points}
            stepMinutes={chart.stepMinutes}
            objective={item.objective}
            maintenance={chart.maintenance}
          />
        </div>
      ) : null}
      {item.groups ? <SloGroupTable groups={item.groups} /> : null}
      <SloRulesTable item={item} />
    </Card>
  );
}
