import "server-only";
import { isDataError } from "@/lib/db/pg-errors";
import { AppError, unavailable } from "@/lib/errors";
import { checkSiteRate, storedRoutes } from "@/lib/ingest/browser-limits";
import { GroupCommitter, OverloadedError } from "@/lib/ingest/group-commit";
import { observeAcceptedBeacon } from "@/lib/telemetry/ingest-metrics";
import type { VitalsBeacon } from "@/lib/vitals/beacon-schema";
import type { ClientContext } from "@/lib/vitals/enrich";
import { rate } from "@/lib/vitals/metrics";
import { normalizeRoute } from "@/lib/vitals/route-normalize";
import { insertVitalsBatch, type VitalRow } from "@/lib/vitals/vitals-repository";
import { processSingleton } from "@/lib/process-singleton";

type Committer = GroupCommitter<VitalRow, ReadonlySet<VitalRow>>;
// One committer per process, shared by every bundle that loads this module.
const committer = (): Committer =>
  processSingleton<Committer>(
    "vitalsCommitter",
    () =>
      new GroupCommitter((rows: VitalRow[]) => insertVitalsBatch(rows), {
        maxRows: 2_000,
        lingerMs: 2,
        maxQueuedRows: 50_000,
        // A second write gathers the next batch while the first commits, so the server does not idle on the
        // database's fsync; both lock rows in one order (sorted keys), so they cannot deadlock each other.
        maxInFlight: 2,
        isolate: isDataError,
      }),
  );

export function toRows(siteId: number, beacon: VitalsBeacon, client: ClientContext, now: Date): VitalRow[] {
  const device = client.device ?? beacon.device ?? "unknown";
  return beacon.metrics.map((m) => ({
    siteId,
    ts: now,
    metric: m.name,
    value: m.value,
    rating: rate(m.name, m.value),
    route: normalizeRoute(m.route ?? beacon.route),
    device,
    browser: client.browser,
    country: client.country,
    navigationType: beacon.navigationType ?? null,
    connection: beacon.connection ?? null,
    pageViewId: beacon.pageViewId,
    metricId: m.id,
    attributionTarget: m.attribution?.target ?? null,
    attributionType: m.attribution?.type ?? null,
  }));
}

/** Stores a validated beacon of a site; resolves with the number of values once they are committed. */
export async function ingestVitals(
  siteId: number,
  beacon: VitalsBeacon,
  client: ClientContext,
  now = new Date(),
): Promise<number> {
  checkSiteRate(siteId);
  const rows = toRows(siteId, beacon, client, now);
  const stored = await storedRoutes(
    siteId,
    rows.map((r) => r.route),
    now,
  );
  for (const r of rows) r.route = stored(r.route);
  let fresh: ReadonlySet<VitalRow>;
  try {
    fresh = await committer().submit(rows);
  } catch (err) {
    if (err instanceof OverloadedError) throw unavailable("Vigil is busy storing beacons; retry shortly.", 1);
    // The committer has already split the batch: only this beacon's own rows were refused.
    if (isDataError(err))
      throw new AppError(
        "validation_failed",
        "The database refused a value in this beacon; nothing from it was stored.",
        { cause: err },
      );
    throw err;
  }
  observeAcceptedBeacon(
    rows,
    rows.filter((r) => fresh.has(r)),
  );
  return rows.length;
}
