import "server-only";
import { db, type DbClient } from "@/lib/db";

export async function pingDatabase(tx: DbClient = db): Promise<void> {
  await tx.$queryRaw`SELECT 1`;
}

export type DatabaseFacts = { serverVersion: string; migrationsApplied: number; lastMigration: string | null };

export async function databaseFacts(tx: DbClient = db): Promise<DatabaseFacts> {
  // ::text casts: the pg adapter cannot read some catalog column types (prisma/orm#28145).
  const [version] = await tx.$queryRaw<{ v: string }[]>`SELECT current_setting('server_version')::text AS v`;
  const migrations = await tx.$queryRaw<{ name: string }[]>`
    SELECT migration_name::text AS name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY finished_at`;
  return {
    serverVersion: version?.v ?? "unknown",
    migrationsApplied: migrations.length,
    lastMigration: migrations.at(-1)?.name ?? null,
  };
}
