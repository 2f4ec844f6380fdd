import type { Metadata } from "next";
import { deleteBudgetAction, saveBudgetAction } from "@/app/admin/vitals/actions";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { AttributionList } from "@/components/vitals/attribution-list";
import { BudgetsCard } from "@/components/vitals/budgets-card";
import { MetricCard } from "@/components/vitals/metric-card";
import { RoutesTable } from "@/components/vitals/routes-table";
import { Segmented } from "@/components/vitals/segmented";
import { VitalsChart } from "@/components/vitals/vitals-chart";
import { requirePageSession } from "@/lib/auth/guard";
import { pageSite } from "@/lib/sites/page-site";
import { siteOption } from "@/lib/sites/site-views";
import { VIGIL_SITE_SLUG } from "@/lib/sites/vigil-site";
import { DEVICES } from "@/lib/vitals/beacon-schema";
import { loadVitalsDashboard } from "@/lib/vitals/dashboard";
import { METRIC_NAMES, METRICS } from "@/lib/vitals/metrics";
import { PERCENTILES, VitalsSearchParams, vitalsHref } from "@/lib/vitals/search-params";
import { WINDOWS } from "@/lib/vitals/window";

export const metadata: Metadata = { title: "Web Vitals" };
export const dynamic = "force-dynamic";

export default async function VitalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requirePageSession();
  const site = await pageSite(searchParams);
  const params = VitalsSearchParams.parse(await searchParams);
  const data = await loadVitalsDashboard(site.id, params);
  const spec = METRICS[params.metric];
  const budget = data.budgets[params.metric].threshold;
  const href = (change: Partial<VitalsSearchParams>) => vitalsHref(params, change);
  const hasData = METRIC_NAMES.some((m) => data.summary[m].count > 0);

  const filters = (
    <div className="flex flex-wrap items-center gap-2">
      <Segmented
        label="Window"
        options={Object.keys(WINDOWS).map((w) => ({
          label: w,
          href: href({ window: w as VitalsSearchParams["window"] }),
          active: params.window === w,
        }))}
      />
      <Segmented
        label="Percentile"
        options={PERCENTILES.map((p) => ({ label: `p${p}`, href: href({ p }), active: params.p === p }))}
      />
      <Segmented
        label="Device"
        options={[
          { label: "all", href: href({ device: undefined }), active: !params.device },
          ...DEVICES.map((d) => ({ label: d, href: href({ device: d }), active: params.device === d })),
        ]}
      />
    </div>
  );

  return (
    <>
      <PageHeader href="/admin/vitals" site={siteOption(site)} actions={filters} />
      <form
        method="get"
        action="/admin/vitals"
        className="mb-6 flex items-center gap-2 text-sm"
        aria-label="Route filter"
      >
        {site.slug !== VIGIL_SITE_SLUG ? <input type="hidden" name="site" value={site.slug} /> : null}
        {params.window !== "7d" ? <input type="hidden" name="window" value={params.window} /> : null}
        {params.p !== 75 ? <input type="hidden" name="p" value={params.p} /> : null}
        {params.metric !== "LCP" ? <input type="hidden" name="metric" value={params.metric} /> : null}
        {params.device ? <input type="hidden" name="device" value={params.device} /> : null}
        <label htmlFor="route" className="text-muted">
          Route
        </label>
        <select
          id="route"
          name="route"
          defaultValue={params.route ?? ""}
          className="max-w-xs rounded-lg border border-zinc-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        >
          <option value="">all routes</option>
          {[...new Set([...(params.route ? [params.route] : []), ...data.routeOptions])].map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="rounded-lg border border-zinc-300 px-2.5 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Apply
        </button>
      </form>

      {!hasData ? (
        <EmptyState
          title="No web-vitals data yet"
          steps={[
            ...(site.slug === VIGIL_SITE_SLUG
              ? [
                  "Every page of this Vigil instance reports its own vitals: open one in a browser, use it, then switch tabs or close it (beacons are sent when the page is hidden).",
                  "Other sites send theirs with their own key: add one in Settings → Sites (format in docs/VITALS.md).",
                ]
              : [
                  `Add the script tag or @vigil/next to the pages of ${site.name}: Settings → Sites has both snippets with its public key.`,
                  "Beacons count only from the site's allowed origins, and are sent when a page is hidden (tab switched or closed).",
                ]),
            params.route || params.device
              ? "Filters are active: clear them to see all data."
              : `Nothing arrived in the last ${params.window}.`,
          ]}
        >
          Vigil records LCP, INP, CLS, FCP and TTFB from real visitors and shows p{params.p} per route and device here.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
            {METRIC_NAMES.map((m) => (
              <MetricCard
                key={m}
                spec={METRICS[m]}
                summary={data.summary[m]}
                p={params.p}
                budget={data.budgets[m].threshold}
                href={href({ metric: m })}
                selected={m === params.metric}
              />
            ))}
          </div>
          <Card>
            <CardHeader
              title={`${spec.name} p${params.p} per ${data.range.grain}`}
              description={`${spec.label}, ${params.window} window, UTC. Red points are over the ${data.budgets[params.metric].custom ? `p${params.p} budget` : `good threshold (no p${params.p} budget)`}.`}
            />
            <VitalsChart
              points={data.series}
              budget={budget}
              unit={spec.unit}
              grain={data.range.grain}
              label={`${spec.name} p${params.p}`}
            />
          </Card>
          <div className="grid gap-6 lg:grid-cols-3">
            <Card className="lg:col-span-2">
              <CardHeader
                title={`Routes by ${spec.name} opportunity`}
                description="Opportunity: the route's not-good samples as a share of all samples of this metric."
              />
              <RoutesTable
                rows={data.routes}
                spec={spec}
                p={params.p}
                budget={budget}
                hrefFor={(route) => href({ route })}
              />
            </Card>
            <Card>
              <CardHeader
                title="What makes it poor"
                description={`Poor samples in the last ${data.attribution.sinceHours >= 24 ? `${data.attribution.sinceHours / 24} d` : `${data.attribution.sinceHours} h`}.`}
              />
              <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">LCP element</h3>
              <AttributionList spec={METRICS.LCP} rows={data.attribution.LCP} what="element" />
              <h3 className="mb-2 mt-4 text-xs font-semibold uppercase tracking-wide text-muted">
                INP interaction target
              </h3>
              <AttributionList spec={METRICS.INP} rows={data.attribution.INP} what="interaction target" />
            </Card>
          </div>
        </div>
      )}
      <div className="mt-6">
        <BudgetsCard
          site={site.slug}
          budgets={data.budgetList}
          metric={params.metric}
          actions={session.user.role === "admin" ? { save: saveBudgetAction, remove: deleteBudgetAction } : undefined}
        />
      </div>
    </>
  );
}
