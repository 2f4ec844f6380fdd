// Kept apart from the Prisma enum so edge-safe code (proxy, session callbacks) needs no database client.
export const ROLES = ["admin", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === "string" && (ROLES as readonly string[]).includes(value);

/** admin may do everything a viewer may. */
export const roleAllows = (have: Role, need: Role) => have === "admin" || have === need;
