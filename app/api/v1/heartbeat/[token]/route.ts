import { NextResponse } from "next/server";
import { clientIp } from "@/lib/http/client-ip";
import { toErrorResponse } from "@/lib/http/errors";
import { requestLogger } from "@/lib/log/logger";
import { pingHeartbeat } from "@/lib/uptime/heartbeat-ping";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/** An external job's "I ran" signal: no session, the token in the URL is the credential. GET, POST and HEAD. */
async function ping(request: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const result = await pingHeartbeat((await params).token, clientIp(request.headers));
    if (request.method === "HEAD") return new NextResponse(null, { status: 200, headers: NO_STORE });
    return NextResponse.json({ ok: true, ...result }, { headers: NO_STORE });
  } catch (err) {
    const res = toErrorResponse(err, requestLogger(request, { route: "/api/v1/heartbeat/[token]" }));
    res.headers.set("Cache-Control", "no-store");
    return request.method === "HEAD" ? new NextResponse(null, { status: res.status, headers: res.headers }) : res;
  }
}

export { ping as GET, ping as POST, ping as HEAD };
