import "server-only";
import { db, Prisma, type DbClient } from "@/lib/db";
import type { BudgetSample } from "@/lib/vitals/budget-evaluate";
import type { BudgetDevice, BudgetPercentile, VitalBudget } from "@/lib/vitals/budget-spec";
import type { MetricName } from "@/lib/vitals/metrics";

type Row = Awaited<ReturnType<typeof db.vitalBudget.findFirstOrThrow>>;
const toBudget = (r: Row): VitalBudget => ({
  id: r.id,
  metric: r.metric as MetricName,
  percentile: r.percentile as BudgetPercentile,
  threshold: r.threshold,
  route: r.route,
  device: r.device as BudgetDevice,
  forMinutes: r.forMinutes,
  minSamples: r.minSamples,
  enabled: r.enabled,
});

/** Every budget of a site, by metric, percentile, route and device. */
export async function listBudgets(siteId: number, client: DbClient = db): Promise<VitalBudget[]> {
  const rows = await client.vitalBudget.findMany({
    where: { siteId },
    orderBy: [{ metric: "asc" }, { percentile: "asc" }, { route: "asc" }, { device: "asc" }],
  });
  return rows.map(toBudget);
}

export function countBudgets(siteId: number, client: DbClient = db): Promise<number> {
  return client.vitalBudget.count({ where: { siteId } });
}

type BudgetData = Omit<VitalBudget, "id">;

/** Inserts or, with an id, updates a budget; false when the id is not one of the site's budgets. */
export async function writeBudget(
  siteId: number,
  id: number | null,
  data: BudgetData,
  client: DbClient = db,
): Promise<VitalBudget | null> {
  if (id === null) return toBudget(await client.vitalBudget.create({ data: { siteId, ...data } }));
  const { count } = await client.vitalBudget.updateMany({ where: { siteId, id }, data });
  if (count === 0) return null;
  return toBudget(await client.vitalBudget.findUniqueOrThrow({ where: { siteId_id: { siteId, id } } }));
}

export async function removeBudget(siteId: number, id: number, client: DbClient = db): Promise<boolean> {
  const { count } = await client.vitalBudget.deleteMany({ where: { siteId, id } });
  return count === 1;
}

export const isDuplicateBudget = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/**
 * The budget's percentile over the raw samples of [from, to] and their count. Reads the day partitions the window
 * touches (and the day before, as the SLO sources do) through the (site_id, metric, ts) index.
 */
export async function readBudgetSample(
  siteId: number,
  budget: Pick<VitalBudget, "metric" | "percentile" | "route" | "device">,
  from: Date,
  to: Date,
  client: DbClient = db,
): Promise<BudgetSample> {
  const route = budget.route === "*" ? Prisma.empty : Prisma.sql`AND route = ${budget.route}`;
  const device = budget.device === "all" ? Prisma.empty : Prisma.sql`AND device = ${budget.device}::"DeviceClass"`;
  const [row] = await client.$queryRaw<Array<{ value: number | null; samples: number }>>`
    SELECT percentile_cont(${budget.percentile / 100}::float8) WITHIN GROUP (ORDER BY value) AS value,
      count(*)::int AS samples
    FROM vitals
    WHERE site_id = ${siteId} AND day >= (${from}::timestamptz AT TIME ZONE 'UTC')::date - 1
      AND metric = ${budget.metric}::"VitalMetric" ${route} ${device} AND ts >= ${from} AND ts <= ${to}`;
  return { value: row?.value ?? null, samples: row?.samples ?? 0 };
}
