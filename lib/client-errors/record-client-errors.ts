import "server-only";
import { addClientErrors } from "@/lib/client-errors/client-error-repository";
import type { ClientErrorReport } from "@/lib/client-errors/schema";
import { checkSiteRate, storedRoutes } from "@/lib/ingest/browser-limits";
import { normalizeRoute } from "@/lib/vitals/route-normalize";

/**
 * Adds a browser's error counts to the hour's rows, under the routes vitals use (normalised, capped per day); the
 * report takes from its site's beacon budget, as a vitals beacon does.
 */
export async function recordClientErrors(siteId: number, report: ClientErrorReport, now = new Date()): Promise<number> {
  checkSiteRate(siteId);
  const errors = report.errors.map((e) => ({ route: normalizeRoute(e.route), count: e.count }));
  const stored = await storedRoutes(
    siteId,
    errors.map((e) => e.route),
    now,
  );
  return addClientErrors(
    siteId,
    errors.map((e) => ({ route: stored(e.route), count: e.count })),
    now,
  );
}
