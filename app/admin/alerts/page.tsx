import type { Metadata } from "next";
import { acknowledgeAlertAction } from "@/app/admin/alerts/ack-actions";
import { retryDeliveryAction } from "@/app/admin/alerts/delivery-actions";
import { PageHeader } from "@/components/admin/page-header";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { UptimeIncidentsCard } from "@/components/alerts/uptime-incidents-card";
import { DeliveriesSection } from "@/components/notify/deliveries-section";
import { EvaluatedAt } from "@/components/slo/evaluated-at";
import { Card, CardHeader } from "@/components/ui/card";
import { requirePageSession } from "@/lib/auth/guard";
import { pageSite } from "@/lib/sites/page-site";
import { siteOption } from "@/lib/sites/site-views";
import { loadDeliveriesReport } from "@/lib/notify/deliveries-report";
import { loadAlertsPage } from "@/lib/slo/alerts-report";
import { loadRecentIncidents } from "@/lib/uptime/uptime-report";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

const INCIDENT_DAYS = 7;

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePageSession();
  const site = await pageSite(searchParams);
  const [data, incidents, deliveries] = await Promise.all([
    loadAlertsPage(site.id),
    loadRecentIncidents(site.id, INCIDENT_DAYS),
    loadDeliveriesReport(),
  ]);
  return (
    <>
      <PageHeader href="/admin/alerts" site={siteOption(site)} actions={<EvaluatedAt at={data.lastEvaluatedAt} />} />
      <div className="space-y-6">
        <Card data-testid="open-alerts">
          <CardHeader
            title="Open alerts"
            description="Pages fire as soon as both windows of a rule burn faster than its factor; tickets after 5 minutes pending; budgets once a web-vitals percentile has stayed over its budget for the budget's time. Figures: what it fired on. Acknowledging says who is on it: the alert keeps firing until it resolves, and nothing is sent again."
          />
          {data.open.length ? (
            <AlertsTable
              alerts={data.open}
              resolved={false}
              site={site.slug}
              ack={session.user.role === "admin" ? acknowledgeAlertAction : undefined}
            />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="no-open-alerts">
              No open alerts: every SLO burns its error budget slower than its alert thresholds, or has too little
              traffic to judge, and every web-vitals budget is kept.
            </p>
          )}
        </Card>
        <UptimeIncidentsCard incidents={incidents} days={INCIDENT_DAYS} site={site.slug} />
        <Card data-testid="alert-history">
          <CardHeader title="History" description={`Resolved alerts, newest first (latest ${data.historyLimit}).`} />
          {data.history.length ? (
            <AlertsTable alerts={data.history} resolved site={site.slug} />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No alert has fired and resolved yet.</p>
          )}
        </Card>
        <DeliveriesSection
          report={deliveries}
          retry={session.user.role === "admin" ? retryDeliveryAction : undefined}
        />
      </div>
    </>
  );
}
