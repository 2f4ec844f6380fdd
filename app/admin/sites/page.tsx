import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { AllSitesTable } from "@/components/sites/all-sites-table";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageSession } from "@/lib/auth/guard";
import { loadAllSites } from "@/lib/overview/all-sites";

export const metadata: Metadata = { title: "All sites" };
export const dynamic = "force-dynamic";

const clock = (iso: string) => `${iso.slice(11, 19)} UTC`;

export default async function AllSitesPage() {
  const session = await requirePageSession();
  const admin = session.user.role === "admin";
  const data = await loadAllSites();
  const manage = admin ? (
    <Link
      href="/admin/settings#sites"
      className="text-sm text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-300"
    >
      Add or edit sites →
    </Link>
  ) : null;
  return (
    <>
      <PageHeader href="/admin/sites" actions={manage} />
      <div className="space-y-6">
        <Card data-testid="all-sites">
          <CardHeader
            title={`${data.sites.length} ${data.sites.length === 1 ? "site" : "sites"}`}
            description={`The figures of each site's Overview: server 5xx share and p95 over 24 h, LCP p75 over 24 h, the lowest 30-day uptime of its monitors and the least error budget left of its SLOs. As of ${clock(data.asOf)}; each site's figures are kept for ${data.freshSeconds} s.`}
          />
          <AllSitesTable sites={data.sites} />
        </Card>
        {data.sites.length <= 1 ? (
          <EmptyState
            title="Only Vigil's own site so far"
            steps={[
              admin
                ? "Add a site in Settings → Sites: a name, a slug, and the origins its pages are served from."
                : "An admin adds sites in Settings → Sites.",
              "Install the script tag or @vigil/next in its pages (browser vitals) and @vigil/next/server or any OpenTelemetry SDK on its server (request metrics); Settings → Sites has the snippets.",
              "Its figures appear here and on its own pages, picked with the site switcher.",
            ]}
          >
            Vigil watches the apps you run as sites, each with its own keys, data, SLOs, monitors and alerts.
          </EmptyState>
        ) : null}
      </div>
    </>
  );
}
