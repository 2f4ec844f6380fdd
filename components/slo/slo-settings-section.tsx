import { SloForm, type SaveSloAction } from "@/components/slo/slo-form";
import { SloRowActions, type SloRowActionSet } from "@/components/slo/slo-row-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { SiteOption } from "@/lib/sites/site-views";
import { EMPTY_SLO_FORM } from "@/lib/slo/slo-form";
import type { SloSetting } from "@/lib/slo/slo-settings";

export type SloActionSet = SloRowActionSet & { save: SaveSloAction };

const percent = (o: number) => `${Math.round(o * 1e7) / 1e5} %`;

/**
 * Settings → SLOs of the site the page shows (admins only, like the whole Settings page; viewers read SLOs on the
 * SLOs page). Changes apply at the next page view and evaluation, without a restart.
 */
export function SloSettingsSection({
  slos,
  site,
  actions,
}: {
  slos: SloSetting[];
  site: SiteOption;
  actions: SloActionSet;
}) {
  const { save, ...rowActions } = actions;
  return (
    <Card id="slos" data-testid="slo-settings-card" data-site={site.slug} className="scroll-mt-6 lg:col-span-2">
      <CardHeader
        title={`SLOs · ${site.name}`}
        description={
          <>
            The service level objectives of <strong className="font-medium">{site.name}</strong> (
            <span className="font-mono">{site.slug}</span>). Changing the objective, window or what is measured starts a
            new version: budgets and charts then count from that moment. Names, owners, runbooks and alert tuning edit
            the current version.
          </>
        }
      />
      {slos.length ? (
        <ul
          className="divide-y divide-zinc-100 border-y border-zinc-100 dark:divide-zinc-800 dark:border-zinc-800"
          aria-label="SLOs"
        >
          {slos.map((s) => (
            <li key={s.id} data-testid="slo-setting-row" data-slo={s.id} className="py-3">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 flex-1 basis-80">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{s.name}</span>
                    <span className="font-mono text-xs text-muted">
                      {s.id} · {s.versionLabel}
                    </span>
                    <Badge tone={s.paused ? "neutral" : "good"}>{s.paused ? "paused" : "active"}</Badge>
                  </p>
                  <p className="mt-1 text-xs text-muted">
                    {percent(s.objective)} over {s.window} · {s.measures}
                  </p>
                </div>
                <SloRowActions id={s.id} name={s.name} site={site.slug} paused={s.paused} actions={rowActions} />
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-300">
                  Edit
                </summary>
                <div className="mt-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
                  <SloForm editing={s.id} site={site.slug} initial={s.form} submitLabel="Save SLO" save={save} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted">No SLOs for {site.name} yet.</p>
      )}
      <h3 className="mb-3 mt-6 text-sm font-semibold">Add an SLO</h3>
      <SloForm site={site.slug} initial={EMPTY_SLO_FORM} submitLabel={`Add SLO to ${site.name}`} save={save} />
    </Card>
  );
}
