import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { clientIp } from "@/lib/http/client-ip";
import { pingHeartbeat } from "@/lib/uptime/heartbeat-ping";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An external job's "I ran" signal: no session, the token in the URL is the credential. GET, POST and HEAD. */
const ping = apiRoute<{ token: string }>(
  "/api/v1/heartbeat/[token]",
  async (request, { params }) => {
    const result = await pingHeartbeat((await params).token, clientIp(request.headers));
    if (request.method === "HEAD") return new NextResponse(null, { status: 200 });
    return NextResponse.json({ ok: true, ...result });
  },
  { headers: { "Cache-Control": "no-store" } },
);

export { ping as GET, ping as POST, ping as HEAD };
