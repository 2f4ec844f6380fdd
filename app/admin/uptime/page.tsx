import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { MaintenanceList } from "@/components/maintenance/maintenance-list";
import { IncidentsTable } from "@/components/uptime/incidents-table";
import { MonitorCard } from "@/components/uptime/monitor-card";
import { StatusLegend } from "@/components/uptime/status-bar";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageSession } from "@/lib/auth/guard";
import { loadMaintenance } from "@/lib/maintenance/maintenance-view";
import { pageSite } from "@/lib/sites/page-site";
import { siteHref } from "@/lib/sites/site-href";
import { siteOption } from "@/lib/sites/site-views";
import { VIGIL_SITE_ID } from "@/lib/sites/vigil-site";
import { loadUptimeReport } from "@/lib/uptime/uptime-report";

export const metadata: Metadata = { title: "Uptime" };
export const dynamic = "force-dynamic";

export default async function UptimePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePageSession();
  const site = await pageSite(searchParams);
  const admin = session.user.role === "admin";
  const [report, maintenance] = await Promise.all([loadUptimeReport(site.id, { admin }), loadMaintenance(site.id)]);
  const scheduled = maintenance.filter((w) => w.state !== "past");
  const own = report.monitors.filter((m) => !m.builtIn);
  const manage = admin ? (
    <Link
      href={siteHref("/admin/settings#monitors", site.slug)}
      className="text-sm text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-300"
    >
      Manage monitors →
    </Link>
  ) : null;
  const addStep = admin
    ? "Add an HTTP target or a heartbeat in Settings → Monitors."
    : "An admin adds HTTP targets and heartbeats in Settings → Monitors.";

  const maintenanceCard = (
    <Card data-testid="maintenance-card">
      <CardHeader
        title="Maintenance"
        description="Active and upcoming windows (UTC): no alerts fire and monitors in scope open no incident; their time is left out of uptime % and SLO budgets and shaded on the charts."
      />
      {scheduled.length ? (
        <MaintenanceList windows={scheduled} />
      ) : (
        <p className="text-sm text-muted" data-testid="no-maintenance">
          No maintenance scheduled.{admin ? " Schedule it in Settings → Maintenance." : ""}
        </p>
      )}
    </Card>
  );

  if (report.monitors.length === 0) {
    return (
      <>
        <PageHeader href="/admin/uptime" site={siteOption(site)} actions={manage} />
        <EmptyState
          title="No uptime checks yet"
          steps={
            site.id === VIGIL_SITE_ID
              ? [
                  "The built-in self-check of this instance appears with the first run of the uptime-probe job (every 15 s under `next start`, or through /api/cron/uptime-probe).",
                  addStep,
                ]
              : [addStep, `Monitors added while ${site.name} is the selected site belong to it.`]
          }
        >
          Vigil probes itself and the HTTP targets an admin configures, records every check, and opens an incident after
          consecutive failures.
        </EmptyState>
        <div className="mt-4">{maintenanceCard}</div>
      </>
    );
  }
  return (
    <>
      <PageHeader href="/admin/uptime" site={siteOption(site)} actions={manage} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <StatusLegend />
        <p className="text-xs text-muted">
          Uptime = successful checks ÷ checks in the window (rounded down); time without checks does not count.
        </p>
      </div>
      <div className="space-y-4">
        {report.monitors.map((m) => (
          <MonitorCard key={m.id} m={m} report={report} />
        ))}
        {own.length === 0 ? (
          <EmptyState
            title="No uptime checks of your own yet"
            steps={[addStep, "Point a cron job at a heartbeat URL to be told when it stops running."]}
          >
            Only the built-in self-check runs. Add the sites and APIs you care about to see their uptime, status bars
            and incidents here.
          </EmptyState>
        ) : null}
        {maintenanceCard}
        <Card data-testid="incidents-card">
          <CardHeader
            title="Incidents"
            description="Open ones and those of the last 90 days. An incident opens after the monitor's threshold of consecutive failed checks and resolves at the next success; its timeline holds the updates and notes admins add."
          />
          {report.incidents.length ? (
            <IncidentsTable incidents={report.incidents} site={site.slug} />
          ) : (
            <p className="text-sm text-muted" data-testid="no-incidents">
              No incidents in the last 90 days.
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
