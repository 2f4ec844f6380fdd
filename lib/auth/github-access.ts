import type { Role } from "@/lib/auth/roles";

// Pure: who may sign in with GitHub (ADR 0009). Without an allowlist nobody is admitted automatically: new
// GitHub users are created pending and wait for an admin. With one, only listed people get in (as viewers).

/** Lower-cased: emails and "@domain" entries (AUTH_GITHUB_ALLOWED_EMAILS), organisation logins (AUTH_GITHUB_ALLOWED_ORGS). */
export type GitHubAllowlist = { emails: readonly string[]; orgs: readonly string[] };
/** What GitHub vouches for: the account's verified emails and the organisations it is an active member of. */
export type GitHubIdentity = { verifiedEmails: readonly string[]; orgs: readonly string[] };

export type GitHubDecision = { admit: true; role: Role } | { admit: false };

export const allowlistConfigured = (a: GitHubAllowlist) => a.emails.length > 0 || a.orgs.length > 0;

export function allowlistAdmits(identity: GitHubIdentity, allowlist: GitHubAllowlist): boolean {
  const listed = new Set(allowlist.emails);
  const byEmail = identity.verifiedEmails.some((raw) => {
    const email = raw.toLowerCase();
    return listed.has(email) || listed.has(email.slice(email.lastIndexOf("@")));
  });
  return byEmail || identity.orgs.some((org) => allowlist.orgs.includes(org.toLowerCase()));
}

/** Whether GitHub must be asked at all: existing admins and viewers were admitted already (by a list or an admin). */
export const needsIdentity = (existing: Role | null, allowlist: GitHubAllowlist) =>
  allowlistConfigured(allowlist) && (existing === null || existing === "pending");

/**
 * `existing`: the stored role when this GitHub account is known, else null. Listed pending users are promoted to
 * viewer; an unlisted newcomer is refused outright (no user row is written), an unlisted pending user too.
 */
export function decideGitHubSignIn(
  existing: Role | null,
  allowlist: GitHubAllowlist,
  identity: GitHubIdentity | null,
): GitHubDecision {
  if (existing === "admin" || existing === "viewer") return { admit: true, role: existing };
  if (!allowlistConfigured(allowlist)) return { admit: true, role: "pending" };
  if (identity && allowlistAdmits(identity, allowlist)) return { admit: true, role: "viewer" };
  return { admit: false };
}
