import NextAuth from "next-auth";
import { NextResponse, type NextRequest, type NextFetchEvent } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { env } from "@/lib/env.js";
import { requestIdFrom } from "@/lib/http/request-id";
import {
  isMachinePath,
  newNonce,
  pageContentSecurityPolicy,
  securityConfig,
  strictTransportSecurity,
} from "@/lib/security/headers.js";

const { auth } = NextAuth(authConfig);
const security = securityConfig(env);
const hsts = strictTransportSecurity(security);
const isAdminApi = (path: string) => path === "/api/admin" || path.startsWith("/api/admin/");
const isAdminPage = (path: string) => path === "/admin" || path.startsWith("/admin/");

// First gate for the admin area (pages and lib/auth/guard.ts check again); passes the request id on.
const gate = auth((req) => {
  const path = req.nextUrl.pathname;
  if (req.auth?.user) return forward(req, requestIdFrom(req.headers));
  if (isAdminApi(path)) {
    return NextResponse.json(
      { error: { code: "unauthorized", message: "Sign in to access this resource." } },
      { status: 401 },
    );
  }
  const login = new URL("/login", req.nextUrl.origin);
  login.searchParams.set("callbackUrl", path + req.nextUrl.search);
  return NextResponse.redirect(login);
});

// Pages get a policy with a fresh nonce on the request too: Next reads the nonce from it and stamps its scripts.
function forward(req: NextRequest, requestId?: string) {
  const policy = isMachinePath(req.nextUrl.pathname) ? undefined : pageContentSecurityPolicy(newNonce(), security);
  if (!policy && !requestId) return NextResponse.next();
  const headers = new Headers(req.headers);
  if (policy) headers.set("content-security-policy", policy);
  if (requestId) headers.set("x-request-id", requestId);
  const res = NextResponse.next({ request: { headers } });
  if (policy) res.headers.set("content-security-policy", policy);
  if (requestId) res.headers.set("x-request-id", requestId);
  return res;
}

export default async function proxy(req: NextRequest, event: NextFetchEvent) {
  const path = req.nextUrl.pathname;
  // Typed `void | Response`; Auth.js's wrapper always answers with a Response.
  const res = isAdminPage(path) || isAdminApi(path) ? ((await gate(req, event as never)) as Response) : forward(req);
  if (hsts) res.headers.set("strict-transport-security", hsts);
  return res;
}

// Pages (their nonce policy) and the admin area (its gate) only. Machine paths — APIs, /metrics, the PostHog relay, /v1 —
// get their static headers from next.config.mjs and their ids from the server hook: a proxy there would only pass
// them on, and in front of a POST it makes Next tee the request body (ingest lost ~35 % of its throughput).
export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|robots.txt|api(?:/|$)|v1(?:/|$)|metrics(?:/|$)|lantern-r7(?:/|$)).*)",
    "/api/admin",
    "/api/admin/:path*",
  ],
};
