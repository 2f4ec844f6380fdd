import Link from "next/link";
import { AckForm, type AckAction } from "@/components/alerts/ack-form";
import { AlertFiguresText } from "@/components/alerts/alert-figures";
import { Badge, type Tone } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import { siteHref } from "@/lib/sites/site-href";
import type { AlertView } from "@/lib/slo/alerts-report";

const STATE_TONE: Record<AlertView["state"], Tone> = { firing: "poor", pending: "warn", resolved: "good" };
const pad = (n: number) => String(n).padStart(2, "0");
/** UTC with seconds: alerts move at evaluation times a minute apart. */
function when(iso: string | null): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

function duration(from: string, to: string): string {
  const minutes = Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
  if (minutes < 1) return "under a minute";
  return minutes < 60
    ? `${minutes} min`
    : minutes < 2880
      ? `${(minutes / 60).toFixed(1)} h`
      : `${(minutes / 1440).toFixed(1)} d`;
}

/** Open alerts (`resolved` false) or history: one row per alert with its rule, times and the figures that fired it. */
export function AlertsTable({
  alerts,
  resolved,
  site,
  ack,
}: {
  alerts: readonly AlertView[];
  resolved: boolean;
  /** The slug of the site these alerts belong to (links to its SLOs). */
  site: string;
  /** Only for admins: acknowledge a firing alert. */
  ack?: AckAction;
}) {
  const head = ["State", "SLO", "Rule", "Started", resolved ? "Resolved" : "Fired", "Figures", "Acknowledged"];
  return (
    <Table caption={resolved ? "Resolved alerts, newest first" : "Open alerts"} head={head}>
      {alerts.map((a) => (
        <tr key={a.id} data-testid="alert-row" data-state={a.state} data-slo={a.slo} data-rule={a.rule}>
          <Td>
            <span className="inline-flex gap-1 whitespace-nowrap">
              <Badge tone={STATE_TONE[a.state]}>{a.state}</Badge>
              <Badge tone={a.severity === "page" ? "poor" : a.severity === "budget" ? "warn" : "neutral"}>
                {a.severity}
              </Badge>
            </span>
          </Td>
          <Td>
            <Link href={siteHref(a.href, site)} className="font-medium underline-offset-2 hover:underline">
              {a.sloName}
            </Link>
            <span className="block max-w-xs text-xs text-muted">{a.summary}</span>
          </Td>
          <Td mono>
            <span className="whitespace-nowrap">{a.rule}</span>
          </Td>
          <Td>
            <span className="whitespace-nowrap tabular-nums">{when(a.startedAt)}</span>
          </Td>
          <Td>
            <span className="whitespace-nowrap tabular-nums">
              {resolved ? when(a.resolvedAt) : a.firedAt ? when(a.firedAt) : "pending"}
            </span>
            {resolved && a.resolvedAt ? (
              <span className="block text-xs text-muted">after {duration(a.firedAt ?? a.startedAt, a.resolvedAt)}</span>
            ) : null}
          </Td>
          <Td>
            <AlertFiguresText figures={a.figures} />
          </Td>
          <Td>
            {a.ack ? (
              <span className="block max-w-xs text-xs" data-testid="alert-ack">
                <span className="whitespace-nowrap">
                  by {a.ack.by}, {when(a.ack.at)}
                </span>
                {a.ack.note ? <span className="block break-words text-muted">“{a.ack.note}”</span> : null}
              </span>
            ) : ack && a.state === "firing" ? (
              <AckForm id={a.id} site={site} ack={ack} />
            ) : (
              <span className="text-xs text-muted">—</span>
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
