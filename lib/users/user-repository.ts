import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";

export type UserRecord = { id: string; email: string; name: string | null; role: Role; passwordHash: string | null; createdAt: Date };

const columns = { id: true, email: true, name: true, role: true, passwordHash: true, createdAt: true } as const;

export function findUserByEmail(email: string, tx: DbClient = db): Promise<UserRecord | null> {
  return tx.user.findUnique({ where: { email }, select: columns });
}

export function upsertAdmin(email: string, passwordHash: string, tx: DbClient = db): Promise<UserRecord> {
  return tx.user.upsert({
    where: { email },
    create: { email, name: "Administrator", role: "admin", passwordHash },
    update: { role: "admin", passwordHash },
    select: columns,
  });
}

export type UserSummary = Omit<UserRecord, "passwordHash"> & { hasPassword: boolean; oauthProviders: string[] };

export async function listUsers(limit = 100, tx: DbClient = db): Promise<UserSummary[]> {
  const rows = await tx.user.findMany({
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { ...columns, accounts: { select: { provider: true } } },
  });
  return rows.map(({ passwordHash, accounts, ...u }) => ({ ...u, hasPassword: passwordHash !== null, oauthProviders: accounts.map((a) => a.provider) }));
}

export function countUsers(tx: DbClient = db): Promise<number> {
  return tx.user.count();
}
