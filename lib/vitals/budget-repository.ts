import "server-only";
import { db, type DbClient } from "@/lib/db";
import { METRIC_NAMES, METRICS, type MetricName } from "@/lib/vitals/metrics";

export type Budgets = Record<MetricName, { threshold: number; custom: boolean }>;

/** Budget per metric; metrics without a stored budget use their "good" threshold. */
export async function readBudgets(siteId: number, client: DbClient = db): Promise<Budgets> {
  const rows = await client.vitalBudget.findMany({ where: { siteId } });
  const stored = new Map(rows.map((r) => [r.metric as MetricName, r.threshold]));
  return Object.fromEntries(
    METRIC_NAMES.map((m) => [m, { threshold: stored.get(m) ?? METRICS[m].thresholds[0], custom: stored.has(m) }]),
  ) as Budgets;
}

export async function saveBudget(
  siteId: number,
  metric: MetricName,
  threshold: number | null,
  client: DbClient = db,
): Promise<void> {
  if (threshold === null) await client.vitalBudget.deleteMany({ where: { siteId, metric } });
  else
    await client.vitalBudget.upsert({
      where: { siteId_metric: { siteId, metric } },
      create: { siteId, metric, threshold },
      update: { threshold },
    });
}
