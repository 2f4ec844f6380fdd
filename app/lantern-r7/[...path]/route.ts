import { relayToPostHog } from "@/lib/analytics/relay";
import { apiRoute } from "@/lib/http/api-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// First-party path for the browser PostHog SDK (docs/adr/0006-posthog-proxy.md); the folder name is the path.
const relay = apiRoute<{ path: string[] }>("/lantern-r7", async (request, { params }) =>
  relayToPostHog(request, (await params).path),
);

export { relay as GET, relay as POST };
