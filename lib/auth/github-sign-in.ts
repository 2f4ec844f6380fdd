import "server-only";
import { z } from "zod";
import {
  allowlistConfigured,
  decideGitHubSignIn,
  needsIdentity,
  type GitHubAllowlist,
  type GitHubIdentity,
} from "@/lib/auth/github-access";
import { isRole, type Role } from "@/lib/auth/roles";

const GITHUB_API = "https://api.github.com";
const TIMEOUT_MS = 5_000;

// Only the fields we read; GitHub's answers cross a trust boundary like any other input.
const Emails = z.array(z.object({ email: z.string().max(320), verified: z.boolean() })).max(1000);
const Memberships = z
  .array(z.object({ state: z.string().max(32), organization: z.object({ login: z.string().max(100) }) }))
  .max(1000);

/** Verified emails (scope user:email) and active organisation memberships (scope read:org) of the token's account. */
export async function fetchGitHubIdentity(
  accessToken: string,
  want: { emails: boolean; orgs: boolean },
  fetchImpl: typeof fetch = fetch,
  api = GITHUB_API,
): Promise<GitHubIdentity> {
  const get = async (path: string): Promise<unknown> => {
    const res = await fetchImpl(`${api}${path}`, {
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: "application/vnd.github+json",
        "user-agent": "vigil",
        "x-github-api-version": "2022-11-28",
      },
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`GitHub answered ${res.status} to ${path.split("?")[0]}`);
    return res.json();
  };
  const [emails, memberships] = await Promise.all([
    want.emails ? get("/user/emails?per_page=100").then((b) => Emails.parse(b)) : [],
    want.orgs ? get("/user/memberships/orgs?state=active&per_page=100").then((b) => Memberships.parse(b)) : [],
  ]);
  return {
    verifiedEmails: emails.filter((e) => e.verified).map((e) => e.email.toLowerCase()),
    orgs: memberships.filter((m) => m.state === "active").map((m) => m.organization.login.toLowerCase()),
  };
}

export type GitHubSignInDeps = {
  allowlist: GitHubAllowlist;
  identity: (accessToken: string) => Promise<GitHubIdentity>;
  /** Pending → viewer, for a pending user the list now admits. */
  promote: (userId: string) => Promise<unknown>;
};

/**
 * Auth.js signIn callback for GitHub: `user` is the stored user when the account is known (it has a role), else the
 * profile. true admits (the adapter creates newcomers with `newGitHubUserRole`), false refuses (AccessDenied).
 */
export async function gitHubSignIn(
  user: { id?: string; role?: unknown },
  accessToken: string | undefined,
  deps: GitHubSignInDeps,
): Promise<boolean> {
  const existing = isRole(user.role) ? user.role : null;
  let identity: GitHubIdentity | null = null;
  if (needsIdentity(existing, deps.allowlist)) {
    if (!accessToken) return false;
    identity = await deps.identity(accessToken);
  }
  const decision = decideGitHubSignIn(existing, deps.allowlist, identity);
  if (!decision.admit) return false;
  if (existing === "pending" && decision.role === "viewer" && user.id) await deps.promote(user.id);
  return true;
}

/** Only reached once gitHubSignIn admitted the newcomer: a list vouched for them (viewer), or none exists (pending). */
export const newGitHubUserRole = (allowlist: GitHubAllowlist): Role =>
  allowlistConfigured(allowlist) ? "viewer" : "pending";
