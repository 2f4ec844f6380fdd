import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { RequestFilters } from "@/components/requests/request-filters";
import { RequestRoutesTable } from "@/components/requests/request-routes-table";
import { RequestTotalsCard } from "@/components/requests/request-totals";
import { RequestsChart } from "@/components/requests/requests-chart";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Segmented } from "@/components/vitals/segmented";
import { requirePageSession } from "@/lib/auth/guard";
import { pageSite } from "@/lib/sites/page-site";
import { siteOption } from "@/lib/sites/site-views";
import { VIGIL_SITE_ID } from "@/lib/sites/vigil-site";
import { loadRequestsReport } from "@/lib/requests/report";
import { RequestsSearchParams, requestsHref } from "@/lib/requests/search-params";
import { REQUEST_WINDOW_KEYS } from "@/lib/requests/window";

export const metadata: Metadata = { title: "Requests" };
export const dynamic = "force-dynamic";

const stepLabel = (minutes: number) => (minutes < 60 ? `${minutes} min` : `${minutes / 60} h`);

export default async function RequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageSession();
  const site = await pageSite(searchParams);
  const params = RequestsSearchParams.parse(await searchParams);
  const report = await loadRequestsReport(site.id, params);
  const href = (change: Partial<RequestsSearchParams>) => requestsHref(params, change);
  const filtered = Boolean(params.route || params.method);

  const windows = (
    <Segmented
      label="Window"
      options={REQUEST_WINDOW_KEYS.map((w) => ({ label: w, href: href({ window: w }), active: params.window === w }))}
    />
  );

  return (
    <>
      <PageHeader href="/admin/requests" site={siteOption(site)} actions={windows} />
      <RequestFilters
        params={params}
        routes={report.options.routes}
        methods={report.options.methods}
        clearHref={href({ route: undefined, method: undefined })}
      />
      {report.totals.requests === 0 ? (
        <EmptyState
          title="No requests recorded in this window"
          steps={[
            filtered
              ? "Filters are active: clear them to see every route and method."
              : `Nothing was counted in the last ${params.window}: try a longer window.`,
            site.id === VIGIL_SITE_ID
              ? "Vigil counts every request its server handles and writes per-minute and hourly rollups to Postgres every few seconds; open a few pages, then reload."
              : `${site.name}'s server sends its request metrics over OpenTelemetry with the site's server key: Settings → Sites has the instrumentation.ts and OTEL_* snippets.`,
          ]}
        >
          This page shows request rate, 5xx share and latency p50 / p95 / p99 per route template and method.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <RequestTotalsCard totals={report.totals} />
          <Card>
            <CardHeader
              title={`Traffic, errors and latency per ${stepLabel(report.range.stepMinutes)}`}
              description={`${params.window} window, UTC${filtered ? `, ${[params.route, params.method].filter(Boolean).join(" ")}` : ""}. From ${report.range.grain} rollups.`}
            />
            <RequestsChart points={report.series} stepMinutes={report.range.stepMinutes} />
          </Card>
          <Card>
            <CardHeader
              title="Routes by requests"
              description={`5xx: share of responses with a 5xx status. Percentiles within ≈1 %.${report.routeCount > report.routes.length ? ` Busiest ${report.routes.length} of ${report.routeCount} routes.` : ""}`}
            />
            <RequestRoutesTable rows={report.routes} hrefFor={(route) => href({ route })} />
          </Card>
        </div>
      )}
    </>
  );
}
