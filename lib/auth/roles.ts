// Kept apart from the Prisma enum so edge-safe code (proxy, session callbacks) needs no database client.
export const ROLES = ["admin", "viewer", "pending"] as const;
export type Role = (typeof ROLES)[number];
/** What a page, API or action can require; `pending` (waiting for an admin's approval) grants nothing. */
export type AccessRole = Exclude<Role, "pending">;

export const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);

/** admin may do everything a viewer may; pending may do nothing. */
export const roleAllows = (have: Role, need: AccessRole) => have === "admin" || have === need;
