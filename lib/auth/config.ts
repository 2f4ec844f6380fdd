import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env.js";
import { sameOriginPath } from "@/lib/auth/login-input";
import { isRole } from "@/lib/auth/roles";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

// Edge-safe half of the config (no database): the proxy decodes the JWT with it. lib/auth/index.ts adds providers.
export const authConfig = {
  secret: env.AUTH_SECRET,
  trustHost: true,
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  logger: {
    // Auth.js logs whole error objects by default; keep credential failures out of the server log noise.
    error(error) {
      if (error.name !== "CredentialsSignin")
        console.error(JSON.stringify({ level: "error", msg: "auth error", name: error.name, message: error.message }));
    },
    warn() {},
    debug() {},
  },
  callbacks: {
    // Every redirect Auth.js makes (sign-in, sign-out, errors) stays on this origin, by the browser's URL rules.
    redirect({ url, baseUrl }) {
      const path = sameOriginPath(url, baseUrl);
      return path === null ? baseUrl : new URL(path, baseUrl).href;
    },
    // The proxy only decodes; lib/auth/index.ts replaces this with the version that re-reads the user.
    jwt({ token, user }) {
      if (user) token.role = user.role ?? "pending";
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.role = isRole(token.role) ? token.role : "pending";
      return session;
    },
  },
} satisfies NextAuthConfig;
