import type { ReactNode } from "react";
import { InstallSnippets } from "@/components/sites/install-snippets";
import { SiteDeleteForm, type DeleteSiteAction } from "@/components/sites/site-delete-form";
import { EMPTY_SITE, SiteForm, type SaveSiteAction } from "@/components/sites/site-form";
import { SiteKeyRotation, type RotateSiteKeyAction } from "@/components/sites/site-key-rotation";
import { type SaveStatusPageAction, StatusPageForm } from "@/components/status/status-page-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { SiteSettingsView } from "@/lib/sites/site-views";
import type { StatusPageSettings } from "@/lib/status/status-page-settings-view";

export type SiteActionSet = {
  create: SaveSiteAction;
  update: SaveSiteAction;
  rotate: RotateSiteKeyAction;
  remove: DeleteSiteAction;
  statusPage: SaveStatusPageAction;
};

const pad = (n: number) => String(n).padStart(2, "0");
const utc = (iso: string) => {
  const d = new Date(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="group">
      <summary className="cursor-pointer select-none text-xs font-medium text-zinc-700 underline-offset-2 hover:underline dark:text-zinc-300">
        {summary}
      </summary>
      <div className="mt-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">{children}</div>
    </details>
  );
}

function Origins({ site }: { site: SiteSettingsView }) {
  if (site.allowedOrigins.length === 0)
    return (
      <span className="text-muted">
        {site.own ? "this instance's own origin" : "none yet: browsers are refused until one is added"}
      </span>
    );
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {site.allowedOrigins.map((o) => (
        <li key={o} className="break-all">
          {o === "*" ? "* (every origin)" : o}
        </li>
      ))}
    </ul>
  );
}

function SiteRow({
  site,
  viewing,
  statusPage,
  actions,
}: {
  site: SiteSettingsView;
  viewing: string;
  statusPage: StatusPageSettings | undefined;
  actions: SiteActionSet;
}) {
  return (
    <li data-testid="site-row" data-site={site.slug} className="py-4">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{site.name}</span>
        <span className="font-mono text-xs text-muted">{site.slug}</span>
        {site.own ? <Badge>this instance</Badge> : null}
      </p>
      <dl className="mt-3 flex flex-wrap gap-x-10 gap-y-3">
        <Fact label="Allowed origins">
          <Origins site={site} />
        </Fact>
        <Fact label="Public key">
          <span className="flex flex-wrap items-center gap-2">
            <code className="break-all font-mono text-xs" data-testid="site-public-key">
              {site.publicKey}
            </code>
            <CopyButton text={site.publicKey} what={`public key of ${site.name}`} />
          </span>
        </Fact>
        <Fact label="Server key">
          {site.secretHint ? (
            <code className="font-mono text-xs" data-testid="site-secret-hint">
              {site.secretHint}
            </code>
          ) : (
            <span className="text-muted">none yet</span>
          )}
        </Fact>
        <Fact label="Key made">{site.secretRotatedAt ? utc(site.secretRotatedAt) : "—"}</Fact>
        <Fact label="Status page">
          {statusPage?.enabled ? (
            <a href={statusPage.path} className="font-mono text-xs underline-offset-2 hover:underline">
              {statusPage.path}
            </a>
          ) : (
            <span className="text-muted">off</span>
          )}
        </Fact>
      </dl>
      <div className="mt-3 space-y-2">
        <SiteKeyRotation id={site.id} name={site.name} hasKey={site.secretHint !== null} rotate={actions.rotate} />
        <Disclosure summary="Install">
          <InstallSnippets snippets={site.snippets} siteName={site.name} />
        </Disclosure>
        <Disclosure summary="Edit">
          <SiteForm
            id={site.id}
            own={site.own}
            viewing={site.slug === viewing ? viewing : undefined}
            initial={{ name: site.name, slug: site.slug, allowedOrigins: site.allowedOrigins.join("\n") }}
            submitLabel="Save changes"
            save={actions.update}
          />
        </Disclosure>
        {statusPage ? (
          <Disclosure summary="Status page">
            <StatusPageForm id={site.id} siteName={site.name} initial={statusPage} save={actions.statusPage} />
          </Disclosure>
        ) : null}
        {site.own ? null : (
          <Disclosure summary="Delete…">
            <SiteDeleteForm id={site.id} name={site.name} slug={site.slug} viewing={viewing} remove={actions.remove} />
          </Disclosure>
        )}
      </div>
    </li>
  );
}

/** Settings → Sites (admins only, like the whole Settings page): every site with its keys, installs and edits. */
export function SitesSection({
  sites,
  viewing,
  statusPages,
  notice,
  actions,
}: {
  sites: SiteSettingsView[];
  /** Each site's public status page settings, by site id. */
  statusPages: Record<number, StatusPageSettings>;
  /** The slug of the site the page shows (`?site=`). */
  viewing: string;
  /** A sentence about what the last action did when it moved the page (a deleted site). */
  notice?: string;
  actions: SiteActionSet;
}) {
  return (
    <Card id="sites" data-testid="sites-card" className="scroll-mt-6 lg:col-span-2">
      <CardHeader
        title="Sites"
        description="Each app Vigil watches: its own keys, data, SLOs, monitors and alerts. Browsers send vitals with the public key from the allowed origins; servers send request metrics with the server key."
      />
      {notice ? (
        <p
          role="status"
          className="mb-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
        >
          {notice}
        </p>
      ) : null}
      <ul
        className="divide-y divide-zinc-100 border-y border-zinc-100 dark:divide-zinc-800 dark:border-zinc-800"
        aria-label="Configured sites"
      >
        {sites.map((s) => (
          <SiteRow key={s.id} site={s} viewing={viewing} statusPage={statusPages[s.id]} actions={actions} />
        ))}
      </ul>
      <h3 className="mb-3 mt-6 text-sm font-semibold">Add a site</h3>
      <SiteForm initial={EMPTY_SITE} submitLabel="Add site" save={actions.create} />
    </Card>
  );
}
