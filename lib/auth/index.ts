import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Provider } from "next-auth/providers";
import { env } from "@/lib/env.js";
import { db } from "@/lib/db";
import { authConfig } from "@/lib/auth/config";
import { LoginInput } from "@/lib/auth/login-input";
import { verifyCredentials } from "@/lib/auth/credentials";
import { requestLogger } from "@/lib/log/logger";
import { clientIp } from "@/lib/http/client-ip";
import { captureServerEvent } from "@/lib/analytics/posthog-server";

class ThrottledSignin extends CredentialsSignin {
  override code = "throttled";
}


const github = env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }) : null;

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
      return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role };
    },
  }),
];
if (github) providers.push(github);

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  // The adapter stores OAuth users and accounts; sessions stay JWTs, which credentials sign-in requires.
  // The adapter is typed against @prisma/client; our generated client (prisma-client generator) has the same models.
  adapter: PrismaAdapter(db as never),
  providers,
  events: {
    // Credentials and OAuth alike; the id, never the email, identifies the person in PostHog.
    signIn({ user, account }) {
      if (user.id) captureServerEvent("user logged in", user.id, { role: user.role ?? "viewer", provider: account?.provider ?? "unknown" });
    },
  },
}));
