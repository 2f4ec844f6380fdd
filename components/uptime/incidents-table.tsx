import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import { siteHref } from "@/lib/sites/site-href";
import { formatDuration } from "@/lib/uptime/monitor-status";
import type { IncidentView } from "@/lib/uptime/uptime-report";

export const utc = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Open and recent incidents: when, how long, how many failed checks, the last failure's reason, and the timeline. */
export function IncidentsTable({ incidents, site }: { incidents: IncidentView[]; site: string }) {
  return (
    <Table
      caption="Incidents"
      head={["Monitor", "State", "Opened", "Resolved", "Duration", "Failed checks", "Cause", "Timeline"]}
    >
      {incidents.map((i) => (
        <tr
          key={i.id}
          data-testid="incident-row"
          data-monitor={i.monitor}
          data-state={i.resolvedAt ? "resolved" : "open"}
        >
          <Td>{i.monitorName}</Td>
          <Td>
            <Badge tone={i.resolvedAt ? "good" : "poor"}>{i.resolvedAt ? "resolved" : "open"}</Badge>
          </Td>
          <Td mono>{utc(i.openedAt)}</Td>
          <Td mono>{i.resolvedAt ? utc(i.resolvedAt) : "—"}</Td>
          <Td>
            {formatDuration(i.durationMs)}
            {i.resolvedAt ? "" : " so far"}
          </Td>
          <Td>{i.failures}</Td>
          <Td>
            <span className="break-words text-xs" data-testid="incident-cause">
              {i.cause}
            </span>
          </Td>
          <Td>
            <Link
              href={siteHref(`/admin/uptime/incidents?id=${i.id}`, site)}
              aria-label={`Timeline of incident #${i.id} (${i.monitorName})`}
              className="whitespace-nowrap text-xs underline-offset-2 hover:underline"
              data-testid="incident-timeline-link"
            >
              Timeline →
            </Link>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
