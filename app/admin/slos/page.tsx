import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { EvaluatedAt } from "@/components/slo/evaluated-at";
import { SloCard } from "@/components/slo/slo-card";
import { SloSummaryTable } from "@/components/slo/slo-summary-table";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageSession } from "@/lib/auth/guard";
import { pageSite } from "@/lib/sites/page-site";
import { siteOption } from "@/lib/sites/site-views";
import { loadSloPage } from "@/lib/slo/report";

export const metadata: Metadata = { title: "SLOs" };
export const dynamic = "force-dynamic";

export default async function SlosPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageSession();
  const site = await pageSite(searchParams);
  const data = await loadSloPage(site.id);
  if (data.slos.length === 0) {
    return (
      <>
        <PageHeader href="/admin/slos" site={siteOption(site)} />
        <EmptyState
          title="No SLOs for this site"
          steps={[
            "Add one in Settings → SLOs (admins), or resume a paused one (see docs/SLOS.md).",
            "It is measured at once and alerted on from the next evaluation (every minute); no restart.",
          ]}
        >
          Service level objectives turn request, latency, uptime and web-vitals data into error budgets and burn-rate
          alerts.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader href="/admin/slos" site={siteOption(site)} actions={<EvaluatedAt at={data.lastEvaluatedAt} />} />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Objectives"
            description="Measured now over each SLO's rolling window. Burn rate: the fastest page rule's long window; 1× spends the budget exactly by the window's end."
          />
          <SloSummaryTable items={data.slos} />
        </Card>
        {data.slos.map((item) => (
          <SloCard key={item.id} item={item} chart={data.charts.find((c) => c.id === item.id)} site={site.slug} />
        ))}
        {data.paused.length ? (
          <p className="text-sm text-muted" data-testid="paused-slos">
            Paused (not measured): {data.paused.map((p) => p.name).join(", ")}. Resume them in Settings → SLOs.
          </p>
        ) : null}
      </div>
    </>
  );
}
