import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { OpenAlertRow } from "@/lib/slo/alert-repository";

/** Open (pending or firing) budget alerts of a site. */
export function readOpenBudgetAlerts(siteId: number, client: DbClient = db): Promise<OpenAlertRow[]> {
  return client.alert.findMany({
    where: { siteId, severity: "budget", state: { in: ["pending", "firing"] } },
    orderBy: { startedAt: "desc" },
  }) as Promise<OpenAlertRow[]>;
}
