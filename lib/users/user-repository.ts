import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { Role } from "@/lib/auth/roles";
import type { UserSummary } from "@/lib/users/types";

export type UserRecord = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  passwordHash: string | null;
  sessionVersion: number;
  createdAt: Date;
};

const columns = {
  id: true,
  email: true,
  name: true,
  role: true,
  passwordHash: true,
  sessionVersion: true,
  createdAt: true,
} as const;

export function findUserByEmail(email: string, tx: DbClient = db): Promise<UserRecord | null> {
  return tx.user.findUnique({ where: { email }, select: columns });
}

export function findUserById(id: string, tx: DbClient = db): Promise<UserRecord | null> {
  return tx.user.findUnique({ where: { id }, select: columns });
}

/** Creates or re-arms the bootstrap admin; a new hash also ends every session the old one started. */
export function upsertAdmin(email: string, passwordHash: string, tx: DbClient = db): Promise<UserRecord> {
  return tx.user.upsert({
    where: { email },
    create: { email, name: "Administrator", role: "admin", passwordHash },
    update: { role: "admin", passwordHash, sessionVersion: { increment: 1 } },
    select: columns,
  });
}

export type NewOAuthUser = { email: string; name?: string | null; image?: string | null; emailVerified?: Date | null };

/** A user first seen through an OAuth provider (the Auth.js adapter's createUser), with the role decided for them. */
export function createOAuthUser(data: NewOAuthUser, role: Role, tx: DbClient = db) {
  return tx.user.create({
    data: {
      email: data.email,
      name: data.name ?? null,
      image: data.image ?? null,
      emailVerified: data.emailVerified ?? null,
      role,
    },
  });
}

/** Changes a role unless it is `from` no longer (two admins clicking at once); null when nothing matched. */
export async function changeUserRole(id: string, from: Role, to: Role, tx: DbClient = db): Promise<UserRecord | null> {
  const { count } = await tx.user.updateMany({ where: { id, role: from }, data: { role: to } });
  return count === 1 ? findUserById(id, tx) : null;
}

export async function listUsers(limit = 100, tx: DbClient = db): Promise<UserSummary[]> {
  const rows = await tx.user.findMany({
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { ...columns, accounts: { select: { provider: true } } },
  });
  return rows.map(({ passwordHash, sessionVersion: _version, accounts, ...u }) => ({
    ...u,
    hasPassword: passwordHash !== null,
    oauthProviders: accounts.map((a) => a.provider),
  }));
}

export function countUsers(tx: DbClient = db): Promise<number> {
  return tx.user.count();
}
