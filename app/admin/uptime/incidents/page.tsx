import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { addIncidentUpdateAction } from "@/app/admin/uptime/incident-actions";
import { PageHeader } from "@/components/admin/page-header";
import { IncidentTimeline, utcMinute } from "@/components/status/incident-timeline";
import { IncidentUpdateForm } from "@/components/status/incident-update-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { IncidentsTable } from "@/components/uptime/incidents-table";
import { requirePageSession } from "@/lib/auth/guard";
import { pageSite } from "@/lib/sites/page-site";
import { siteHref } from "@/lib/sites/site-href";
import { siteOption } from "@/lib/sites/site-views";
import { loadIncidentTimeline } from "@/lib/status/incident-updates";
import { formatDuration } from "@/lib/uptime/monitor-status";
import { loadRecentIncidents } from "@/lib/uptime/uptime-report";

export const metadata: Metadata = { title: "Incidents" };
export const dynamic = "force-dynamic";

const LIST_DAYS = 90;

type SiteRef = { id: number; slug: string };

async function IncidentList({ site }: { site: SiteRef }) {
  const incidents = await loadRecentIncidents(site.id, LIST_DAYS);
  if (incidents.length === 0)
    return (
      <EmptyState
        title="No incidents"
        steps={["An incident opens after a monitor's threshold of consecutive failed checks."]}
      >
        No incidents in the last {LIST_DAYS} days. Their timelines (updates, internal notes) are kept here.
      </EmptyState>
    );
  return (
    <Card data-testid="incidents-card">
      <CardHeader
        title="Incidents"
        description={`Open ones and those of the last ${LIST_DAYS} days; open an incident's timeline to read or add updates.`}
      />
      <IncidentsTable incidents={incidents} site={site.slug} />
    </Card>
  );
}

async function IncidentDetail({ site, id, admin }: { site: SiteRef; id: string; admin: boolean }) {
  const timeline = await loadIncidentTimeline(site.id, id);
  if (!timeline) notFound();
  const { incident, entries } = timeline;
  const state = incident.resolvedAt ? "resolved" : "open";
  return (
    <div className="space-y-4">
      <Card data-testid="incident-card" data-state={state}>
        <CardHeader
          title={`Incident #${incident.id}: ${incident.monitorName}`}
          description={
            <>
              Opened {utcMinute(incident.openedAt)} · {incident.resolvedAt ? "resolved after" : "open for"}{" "}
              {formatDuration(incident.durationMs)} · {incident.failures} failed checks · last cause: {incident.cause}
            </>
          }
          action={<Badge tone={incident.resolvedAt ? "good" : "poor"}>{state}</Badge>}
        />
        <IncidentTimeline entries={entries} audience="console" />
      </Card>
      {admin ? (
        <Card>
          <CardHeader
            title="Add an update"
            description="Public updates appear on the site's status page (when it is on); internal notes stay here."
          />
          <IncidentUpdateForm incident={incident.id} site={site.slug} add={addIncidentUpdateAction} />
        </Card>
      ) : null}
    </div>
  );
}

/**
 * The incidents of the site the URL names: `?id=<n>` shows one incident's timeline (every update and internal note)
 * and, for admins, the form that adds to it; without an id, the open and recent incidents with links to theirs.
 */
export default async function IncidentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePageSession();
  const site = await pageSite(searchParams);
  const raw = (await searchParams).id;
  const id = Array.isArray(raw) ? raw[0] : raw;
  const back = (
    <Link
      href={siteHref(id ? "/admin/uptime/incidents" : "/admin/uptime", site.slug)}
      className="text-sm text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-300"
    >
      {id ? "← All incidents" : "← Uptime"}
    </Link>
  );
  return (
    <>
      <PageHeader href="/admin/uptime" site={siteOption(site)} actions={back} />
      {id ? <IncidentDetail site={site} id={id} admin={session.user.role === "admin"} /> : <IncidentList site={site} />}
    </>
  );
}
