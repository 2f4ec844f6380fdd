import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Provider } from "next-auth/providers";
import { env } from "@/lib/env.js";
import { db } from "@/lib/db";
import { authConfig } from "@/lib/auth/config";
import { LoginInput } from "@/lib/auth/login-input";
import { verifyCredentials } from "@/lib/auth/credentials";
import type { GitHubAllowlist } from "@/lib/auth/github-access";
import { fetchGitHubIdentity, gitHubSignIn, newGitHubUserRole } from "@/lib/auth/github-sign-in";
import { checkSessionToken } from "@/lib/auth/session-check";
import { logger, requestLogger } from "@/lib/log/logger";
import { clientIp } from "@/lib/http/client-ip";
import { captureServerEvent } from "@/lib/analytics/posthog-server";
import { changeUserRole, createOAuthUser } from "@/lib/users/user-repository";

class ThrottledSignin extends CredentialsSignin {
  override code = "throttled";
}

const githubAllowlist: GitHubAllowlist = {
  emails: env.AUTH_GITHUB_ALLOWED_EMAILS ?? [],
  orgs: env.AUTH_GITHUB_ALLOWED_ORGS ?? [],
};
// read:org lets GitHub report private organisation memberships; asked for only when organisations decide.
const githubScope = githubAllowlist.orgs.length > 0 ? "read:user user:email read:org" : "read:user user:email";
const github =
  env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET
    ? GitHub({
        clientId: env.AUTH_GITHUB_ID,
        clientSecret: env.AUTH_GITHUB_SECRET,
        authorization: { params: { scope: githubScope } },
      })
    : null;

/** Sign-in buttons shown next to the password form. */
export const oauthProviders = github ? [{ id: "github", name: "GitHub" }] : [];

const providers: Provider[] = [
  Credentials({
    credentials: { email: { type: "email", label: "Email" }, password: { type: "password", label: "Password" } },
    async authorize(raw, request) {
      const input = LoginInput.safeParse(raw);
      if (!input.success) return null;
      const result = await verifyCredentials(input.data, clientIp(request.headers));
      const log = requestLogger(request, { event: "auth.sign_in" });
      if (!result.ok) {
        log.warn({ reason: result.reason, email: input.data.email }, "sign-in refused");
        if (result.reason === "throttled") throw new ThrottledSignin();
        return null;
      }
      log.info({ userId: result.user.id, role: result.user.role }, "signed in");
      const { id, email, name, role, sessionVersion } = result.user;
      return { id, email, name, role, sessionVersion };
    },
  }),
];
if (github) providers.push(github);

/** The Prisma adapter, except that a user first seen through GitHub gets the role the allowlist decided. */
export function vigilAdapter(): Adapter {
  const base = PrismaAdapter(db as never);
  return {
    ...base,
    createUser: async (user) => (await createOAuthUser(user, newGitHubUserRole(githubAllowlist))) as AdapterUser,
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  // The adapter stores OAuth users and accounts; sessions stay JWTs, which credentials sign-in requires.
  // The adapter is typed against @prisma/client; our generated client (prisma-client generator) has the same models.
  adapter: vigilAdapter(),
  providers,
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ user, account }) {
      if (account?.provider !== "github") return true;
      try {
        return await gitHubSignIn(user, account.access_token, {
          allowlist: githubAllowlist,
          identity: (token) =>
            fetchGitHubIdentity(token, {
              emails: githubAllowlist.emails.length > 0,
              orgs: githubAllowlist.orgs.length > 0,
            }),
          promote: (userId) => changeUserRole(userId, "pending", "viewer"),
        });
      } catch (err) {
        logger.warn({ err: (err as Error).message }, "GitHub sign-in refused: the allowlist could not be checked");
        return false;
      }
    },
    // Sign-in mints the claims; every later read re-checks them against the user row (lib/auth/session-check).
    async jwt({ token, user }) {
      if (user) return { ...token, role: user.role ?? "pending", sv: user.sessionVersion ?? 0 };
      return checkSessionToken(token);
    },
  },
  events: {
    // Credentials and OAuth alike; the id, never the email, identifies the person in PostHog.
    signIn({ user, account }) {
      if (user.id)
        captureServerEvent("user logged in", user.id, {
          role: user.role ?? "pending",
          provider: account?.provider ?? "unknown",
        });
    },
  },
}));
