import type { Metadata } from "next";
import {
  checkMonitorNowAction,
  deleteMonitorAction,
  saveMonitorAction,
  toggleMonitorAction,
} from "@/app/admin/settings/monitor-actions";
import { deleteMaintenanceAction, saveMaintenanceAction } from "@/app/admin/settings/maintenance-actions";
import {
  addChannelAction,
  addRouteAction,
  channelOpAction,
  routeOpAction,
} from "@/app/admin/settings/notification-actions";
import {
  createSiteAction,
  deleteSiteAction,
  rotateSiteKeyAction,
  updateSiteAction,
} from "@/app/admin/settings/site-actions";
import { deleteSloAction, pauseSloAction, saveSloAction } from "@/app/admin/settings/slo-actions";
import { saveStatusPageAction } from "@/app/admin/settings/status-page-actions";
import { changeUserAccessAction } from "@/app/admin/settings/user-actions";
import { PageHeader } from "@/components/admin/page-header";
import { AnalyticsToggle } from "@/components/analytics/analytics-toggle";
import { JobsCard } from "@/components/admin/jobs-card";
import { MaintenanceSection } from "@/components/maintenance/maintenance-section";
import { ChannelsSection } from "@/components/notify/channels-section";
import { RoutesSection } from "@/components/notify/routes-section";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { UsersCard } from "@/components/admin/users-card";
import { SitesSection } from "@/components/sites/sites-section";
import { SloSettingsSection } from "@/components/slo/slo-settings-section";
import { MonitorsSection } from "@/components/uptime/monitors-section";
import { requirePageSession } from "@/lib/auth/guard";
import { pageSite } from "@/lib/sites/page-site";
import { SiteSlug } from "@/lib/sites/site-input";
import { loadSiteSettings, siteOption } from "@/lib/sites/site-views";
import { listChannelViews } from "@/lib/notify/channels";
import { loadMaintenance } from "@/lib/maintenance/maintenance-view";
import { loadRoutes } from "@/lib/notify/routes";
import { loadJobsReport } from "@/lib/scheduler/jobs-report";
import { configSummary } from "@/lib/settings/config-summary";
import { loadSloSettings } from "@/lib/slo/slo-settings";
import { loadStatusPageSettings } from "@/lib/status/status-page-settings";
import { loadMonitorSettings } from "@/lib/uptime/monitor-settings";
import { loadUsers } from "@/lib/users/user-access";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

const siteActions = {
  create: createSiteAction,
  update: updateSiteAction,
  rotate: rotateSiteKeyAction,
  remove: deleteSiteAction,
  statusPage: saveStatusPageAction,
};

const monitorActions = {
  save: saveMonitorAction,
  toggle: toggleMonitorAction,
  check: checkMonitorNowAction,
  remove: deleteMonitorAction,
};

const sloActions = { save: saveSloAction, pause: pauseSloAction, remove: deleteSloAction };

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePageSession("admin");
  const admin = session.user.role === "admin";
  const site = await pageSite(searchParams);
  const deleted = SiteSlug.safeParse((await searchParams).deleted);
  const [users, jobs, monitors, channels, sites, slos, routes, maintenance, statusPages] = await Promise.all([
    loadUsers(),
    loadJobsReport(),
    loadMonitorSettings(site.id, { admin }),
    listChannelViews(),
    loadSiteSettings(),
    loadSloSettings(site.id),
    loadRoutes(site.id),
    loadMaintenance(site.id),
    loadStatusPageSettings(),
  ]);
  return (
    <>
      <PageHeader href="/admin/settings" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="Configuration"
            description="Read from the environment at start; edit .env and restart to change."
          />
          <Table caption="Configuration" head={["Setting", "Value"]}>
            {configSummary().map((row) => (
              <tr key={row.name}>
                <Td>{row.name}</Td>
                <Td mono>{row.value}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        <Card data-testid="analytics-card">
          <CardHeader
            title="Product analytics"
            description="PostHog, through this instance only. The choice below applies to this browser; VIGIL_ANALYTICS_DISABLED turns it off for everyone."
          />
          <AnalyticsToggle />
        </Card>
        <SitesSection
          sites={sites}
          viewing={site.slug}
          statusPages={statusPages}
          notice={deleted.success ? `Deleted the site “${deleted.data}” and all of its data.` : undefined}
          actions={siteActions}
        />
        <SloSettingsSection slos={slos} site={siteOption(site)} actions={sloActions} />
        <MonitorsSection monitors={monitors} site={siteOption(site)} actions={monitorActions} />
        <MaintenanceSection
          windows={maintenance}
          site={siteOption(site)}
          actions={{ save: saveMaintenanceAction, remove: deleteMaintenanceAction }}
        />
        <UsersCard users={users} currentUserId={session.user.id} changeAccess={changeUserAccessAction} />
        <ChannelsSection channels={channels} addChannel={addChannelAction} channelOp={channelOpAction} />
        <RoutesSection
          site={siteOption(site)}
          routes={routes}
          channels={channels}
          admin={admin}
          addRoute={addRouteAction}
          routeOp={routeOpAction}
        />
        <JobsCard report={jobs} />
      </div>
    </>
  );
}
