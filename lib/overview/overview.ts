import "server-only";
import { appFacts, checkDatabase, loadDatabaseFacts, type AppFacts, type DatabaseCheck } from "@/lib/health/checks";
import type { DatabaseFacts } from "@/lib/health/health-repository";
import { countUsers } from "@/lib/users/user-repository";

export type Overview = { app: AppFacts; database: DatabaseCheck; databaseFacts: DatabaseFacts | null; users: number | null };

/** Read model of the admin Overview page and GET /api/admin/overview. */
export async function loadOverview(): Promise<Overview> {
  const database = await checkDatabase();
  const [databaseFacts, users] = database.ok ? await Promise.all([loadDatabaseFacts(), countUsers().catch(() => null)]) : [null, null];
  return { app: appFacts(), database, databaseFacts, users };
}
