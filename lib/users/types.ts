import type { Role } from "@/lib/auth/roles";

/** A user as Settings → Users lists them: no password hash, only whether there is one. */
export type UserSummary = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt: Date;
  hasPassword: boolean;
  oauthProviders: string[];
};
