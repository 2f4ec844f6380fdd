import { toErrorResponse } from "@/lib/http/errors";
import { relayToPostHog } from "@/lib/analytics/relay";
import { requestLogger } from "@/lib/log/logger";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// First-party path for the browser PostHog SDK (docs/adr/0006-posthog-proxy.md); the folder name is the path.
async function relay(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  try {
    return await relayToPostHog(request, (await params).path);
  } catch (err) {
    return toErrorResponse(err, requestLogger(request, { route: "/lantern-r7" }));
  }
}

export { relay as GET, relay as POST };
