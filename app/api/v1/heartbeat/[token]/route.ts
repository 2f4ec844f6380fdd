import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, rateLimited } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/errors";
import { RateLimiter } from "@/lib/ingest/rate-limit";
import { requestLogger } from "@/lib/log/logger";
import { recordHeartbeatPing } from "@/lib/uptime/heartbeat-ping";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Tokens are 43 base64url characters; anything else cannot match a monitor.
const Token = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);
// A cron pings once per run; 60 a minute per token leaves room for retries and stops a loop from filling the table.
const globalForPings = globalThis as typeof globalThis & { __vigilHeartbeatLimiter?: RateLimiter };
const limiter = (globalForPings.__vigilHeartbeatLimiter ??= new RateLimiter(60));
const NO_STORE = { "Cache-Control": "no-store" };

/** An external job's "I ran" signal: no session, the token in the URL is the credential. GET, POST and HEAD. */
async function ping(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const token = Token.safeParse((await params).token);
    if (!token.success) throw new AppError("not_found", "No heartbeat monitor has this token.");
    const wait = limiter.take(token.data);
    if (wait > 0) throw rateLimited(wait, "Too many pings for this heartbeat.");
    const result = await recordHeartbeatPing(token.data);
    if (request.method === "HEAD") return new NextResponse(null, { status: 200, headers: NO_STORE });
    return NextResponse.json({ ok: true, ...result }, { headers: NO_STORE });
  } catch (err) {
    const res = toErrorResponse(err, requestLogger(request, { route: "/api/v1/heartbeat/[token]" }));
    res.headers.set("Cache-Control", "no-store");
    return request.method === "HEAD" ? new NextResponse(null, { status: res.status, headers: res.headers }) : res;
  }
}

export { ping as GET, ping as POST, ping as HEAD };
