import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { IncidentTimeline, utcMinute } from "@/components/status/incident-timeline";
import { IncidentUpdateForm } from "@/components/status/incident-update-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/guard";
import { pageSite } from "@/lib/sites/page-site";
import { siteHref } from "@/lib/sites/site-href";
import { siteOption } from "@/lib/sites/site-views";
import { loadIncidentTimeline } from "@/lib/status/incident-updates";
import { formatDuration } from "@/lib/uptime/monitor-status";
import { addIncidentUpdateAction } from "@/app/admin/uptime/incident-actions";

export const metadata: Metadata = { title: "Incident" };
export const dynamic = "force-dynamic";

/** One incident of the site the URL names: its timeline (every update and internal note) and, for admins, the form. */
export default async function IncidentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePageSession();
  const site = await pageSite(searchParams);
  const timeline = await loadIncidentTimeline(site.id, (await params).id);
  if (!timeline) notFound();
  const { incident, entries } = timeline;
  const admin = session.user.role === "admin";
  return (
    <>
      <PageHeader
        href="/admin/uptime"
        site={siteOption(site)}
        actions={
          <Link
            href={siteHref("/admin/uptime", site.slug)}
            className="text-sm text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-300"
          >
            ← All incidents
          </Link>
        }
      />
      <div className="space-y-4">
        <Card data-testid="incident-card" data-state={incident.resolvedAt ? "resolved" : "open"}>
          <CardHeader
            title={`Incident #${incident.id}: ${incident.monitorName}`}
            description={
              <>
                Opened {utcMinute(incident.openedAt)} ·{" "}
                {incident.resolvedAt
                  ? `resolved after ${formatDuration(incident.durationMs)}`
                  : `open for ${formatDuration(incident.durationMs)}`}{" "}
                · {incident.failures} failed checks · last cause: {incident.cause}
              </>
            }
            action={
              <Badge tone={incident.resolvedAt ? "good" : "poor"}>{incident.resolvedAt ? "resolved" : "open"}</Badge>
            }
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
    </>
  );
}
