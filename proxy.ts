import NextAuth from "next-auth";
import { NextResponse, type NextRequest, type NextFetchEvent } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { requestIdFrom } from "@/lib/http/request-id";

const { auth } = NextAuth(authConfig);
const isAdminApi = (path: string) => path === "/api/admin" || path.startsWith("/api/admin/");
const isAdminPage = (path: string) => path === "/admin" || path.startsWith("/admin/");

// First gate for the admin area (pages and lib/auth/guard.ts check again); passes the request id on.
const gate = auth((req) => {
  const path = req.nextUrl.pathname;
  if (req.auth?.user) return withRequestId(req);
  if (isAdminApi(path)) {
    return NextResponse.json({ error: { code: "unauthorized", message: "Sign in to access this resource." } }, { status: 401 });
  }
  const login = new URL("/login", req.nextUrl.origin);
  login.searchParams.set("callbackUrl", path + req.nextUrl.search);
  return NextResponse.redirect(login);
});

function withRequestId(req: NextRequest) {
  const requestId = requestIdFrom(req.headers);
  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-request-id", requestId);
  return res;
}

export default function proxy(req: NextRequest, event: NextFetchEvent) {
  const path = req.nextUrl.pathname;
  return isAdminPage(path) || isAdminApi(path) ? gate(req, event as never) : NextResponse.next();
}

// The beacon endpoints, heartbeat pings (and the benchmark baseline) skip the proxy: it needs no session, and a proxy in front of a
// POST makes Next tee the request body, which cost ingest ~35 % of its throughput. lib/log derives ids there.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/v1/vitals|api/v1/client-errors|api/v1/heartbeat/|api/bench/).*)"],
};
