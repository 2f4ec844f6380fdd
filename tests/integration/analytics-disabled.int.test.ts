import { afterAll, describe, expect, it } from "vitest";
import { startReceiver } from "../support/http-receiver";

// VIGIL_ANALYTICS_DISABLED: with a key configured, the instance still sends nothing, browser or server.
const upstream = await startReceiver();
process.env.NEXT_PUBLIC_POSTHOG_KEY = "phc_integration";
process.env.POSTHOG_HOST = upstream.url;
process.env.VIGIL_ANALYTICS_DISABLED = "true";
const { POST } = await import("@/app/lantern-r7/[...path]/route");
const { captureServerEvent, flushServerEvents } = await import("@/lib/analytics/posthog-server");
afterAll(() => upstream.close());

describe("instance-wide analytics switch", () => {
  it("drops relayed browser events and server events", async () => {
    const res = await POST(new Request("http://127.0.0.1:3000/lantern-r7/e", { method: "POST", body: "[]" }), {
      params: Promise.resolve({ path: ["e"] }),
    });
    expect(res.status).toBe(204);
    captureServerEvent("user logged in", "user-1", { role: "admin" });
    await flushServerEvents(500);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(upstream.received).toEqual([]);
  });
});
