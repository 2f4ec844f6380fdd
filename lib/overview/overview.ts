import "server-only";
import { readClientErrorTotals, type ClientErrorTotals } from "@/lib/client-errors/client-error-repository";
import { appFacts, checkDatabase, loadDatabaseFacts, type AppFacts, type DatabaseCheck } from "@/lib/health/checks";
import type { DatabaseFacts } from "@/lib/health/health-repository";
import type { RequestTotals } from "@/lib/requests/read-model";
import { loadRequestTotals } from "@/lib/requests/report";
import { loadBudgetOverview, type BudgetOverview } from "@/lib/slo/report";
import { countUsers } from "@/lib/users/user-repository";
import { loadUptimeSummary, type UptimeSummary } from "@/lib/uptime/uptime-report";
import { summaryByMetric, type Summary } from "@/lib/vitals/read-model";
import { readWindowRollups } from "@/lib/vitals/rollup-repository";
import { windowPlanFor } from "@/lib/vitals/window";

export type Overview = {
  app: AppFacts;
  database: DatabaseCheck;
  databaseFacts: DatabaseFacts | null;
  users: number | null;
  vitals24h: Record<string, Summary> | null;
  requests24h: RequestTotals | null;
  browserErrors24h: ClientErrorTotals | null;
  errorBudget: BudgetOverview | null;
  /** null: no enabled monitor, or it could not be read (`uptimeError`). */
  uptime30d: UptimeSummary;
  uptimeError?: boolean;
};

const HOUR = 3_600_000;
/** The 24 hour buckets up to and including the current one. */
function last24Hours(now = Date.now()) {
  const to = now - (now % HOUR) + HOUR;
  return [new Date(to - 24 * HOUR), new Date(to)] as const;
}

/** Read model of the admin Overview page and GET /api/admin/overview. */
export async function loadOverview(siteId: number): Promise<Overview> {
  const database = await checkDatabase();
  if (!database.ok)
    return {
      app: appFacts(),
      database,
      databaseFacts: null,
      users: null,
      vitals24h: null,
      requests24h: null,
      browserErrors24h: null,
      errorBudget: null,
      uptime30d: null,
      uptimeError: true,
    };
  const [databaseFacts, users, vitals24h, requests24h, browserErrors24h, errorBudget, uptime] = await Promise.all([
    loadDatabaseFacts(),
    countUsers().catch(() => null),
    readWindowRollups(siteId, windowPlanFor("24h"), {}).then(
      (rows) => summaryByMetric(rows, 0.75),
      () => null,
    ),
    loadRequestTotals(siteId, "24h").catch(() => null),
    readClientErrorTotals(siteId, ...last24Hours()).catch(() => null),
    loadBudgetOverview(siteId).catch(() => null),
    loadUptimeSummary(siteId).then(
      (summary) => ({ summary, error: false }),
      () => ({ summary: null, error: true }),
    ),
  ]);
  return {
    app: appFacts(),
    database,
    databaseFacts,
    users,
    vitals24h,
    requests24h,
    browserErrors24h,
    errorBudget,
    uptime30d: uptime.summary,
    uptimeError: uptime.error,
  };
}
