import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { IncidentsTable } from "@/components/uptime/incidents-table";
import { siteHref } from "@/lib/sites/site-href";
import type { IncidentView } from "@/lib/uptime/uptime-report";

/** Uptime incidents beside the SLO alerts, so one page answers "what is on fire"; details live on Uptime. */
export function UptimeIncidentsCard({
  incidents,
  days,
  site,
}: {
  incidents: IncidentView[];
  days: number;
  site: string;
}) {
  const open = incidents.filter((i) => i.resolvedAt === null).length;
  const link = (
    <Link
      href={siteHref("/admin/uptime", site)}
      className="whitespace-nowrap text-xs text-muted underline-offset-2 hover:underline"
    >
      Uptime →
    </Link>
  );
  return (
    <Card data-testid="alerts-incidents">
      <CardHeader
        title="Uptime incidents"
        description={`${open ? `${open} open; ` : ""}open ones and those of the last ${days} days. An incident opens after a monitor's threshold of failed checks in a row.`}
        action={link}
      />
      {incidents.length ? (
        <IncidentsTable incidents={incidents} site={site} />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No uptime incidents in the last {days} days.</p>
      )}
    </Card>
  );
}
