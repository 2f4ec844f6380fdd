import { MaintenanceDelete, type DeleteMaintenanceAction } from "@/components/maintenance/maintenance-delete";
import {
  EMPTY_MAINTENANCE,
  MaintenanceForm,
  type SaveMaintenanceAction,
} from "@/components/maintenance/maintenance-form";
import { MaintenanceList } from "@/components/maintenance/maintenance-list";
import { Card, CardHeader } from "@/components/ui/card";
import type { MaintenanceView } from "@/lib/maintenance/maintenance-view";
import type { SiteOption } from "@/lib/sites/site-views";

/** Settings → Maintenance of the site the page shows: the windows with edit and delete, and the add form. */
export function MaintenanceSection({
  windows,
  site,
  actions,
}: {
  windows: MaintenanceView[];
  site: SiteOption;
  actions: { save: SaveMaintenanceAction; remove: DeleteMaintenanceAction };
}) {
  return (
    <Card id="maintenance" data-testid="maintenance-card" data-site={site.slug} className="scroll-mt-6 lg:col-span-2">
      <CardHeader
        title={`Maintenance · ${site.name}`}
        description="While a window is active, alerts of the site do not fire or notify and monitors in scope open no incident; uptime % and SLO budgets leave out what happens inside it. Times are UTC."
      />
      {windows.length ? (
        <MaintenanceList
          windows={windows}
          actions={(w) => (
            <div className="mt-2 flex flex-wrap items-start justify-between gap-2">
              <details className="min-w-0 flex-1">
                <summary className="cursor-pointer text-xs text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-300">
                  Edit
                </summary>
                <div className="mt-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
                  <MaintenanceForm id={w.id} initial={w.form} submitLabel="Save changes" save={actions.save} />
                </div>
              </details>
              <MaintenanceDelete id={w.id} title={w.title} remove={actions.remove} />
            </div>
          )}
        />
      ) : (
        <p className="text-sm text-muted">No maintenance windows for {site.name}.</p>
      )}
      <h3 className="mb-3 mt-6 text-sm font-semibold">Schedule maintenance</h3>
      <MaintenanceForm
        site={site.slug}
        initial={EMPTY_MAINTENANCE}
        submitLabel={`Add window to ${site.name}`}
        save={actions.save}
      />
    </Card>
  );
}
