import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import {
  AppHealthCard,
  DatabaseCard,
  ErrorBudgetCard,
  ErrorRateCard,
  LatencyCard,
  UptimeCard,
  VitalsCard,
} from "@/components/admin/overview-cards";
import { Card, CardHeader } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { loadOverview } from "@/lib/overview/overview";
import { pageSite } from "@/lib/sites/page-site";
import { loadSiteOptions, siteOption } from "@/lib/sites/site-views";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const site = await pageSite(params);
  const [overview, sites] = await Promise.all([loadOverview(site.id), loadSiteOptions()]);
  const allSites =
    sites.length > 1 ? (
      <Link
        href="/admin/sites"
        className="whitespace-nowrap text-zinc-700 underline underline-offset-2 dark:text-zinc-300"
      >
        All {sites.length} sites →
      </Link>
    ) : null;
  return (
    <>
      <PageHeader href="/admin" site={siteOption(site)} links={allSites} />
      {params.denied ? (
        <p
          role="alert"
          className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          That page needs the admin role.
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <AppHealthCard app={overview.app} />
        <DatabaseCard database={overview.database} facts={overview.databaseFacts} />
      </div>
      <h2 className="mb-3 mt-8 text-sm font-semibold uppercase tracking-wide text-muted">Signals · {site.name}</h2>
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        <ErrorRateCard requests={overview.requests24h} browserErrors={overview.browserErrors24h} site={site.slug} />
        <LatencyCard requests={overview.requests24h} site={site.slug} />
        <UptimeCard uptime={overview.uptime30d} error={overview.uptimeError} site={site.slug} />
        <VitalsCard vitals={overview.vitals24h} />
        <ErrorBudgetCard budget={overview.errorBudget} site={site.slug} />
        <Card data-testid="card-users">
          <CardHeader title="Users" />
          <dl>
            <Stat label="Accounts" value={overview.users ?? "—"} hint="admins and viewers" />
          </dl>
        </Card>
      </div>
    </>
  );
}
