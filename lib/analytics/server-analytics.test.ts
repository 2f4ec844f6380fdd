import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Receiver, startReceiver } from "@/tests/support/http-receiver";
import { createServerAnalytics } from "./server-analytics";

// A real posthog-node client against a local HTTP receiver: what it sends is what PostHog would get.
type Batch = { batch?: Array<{ event: string; distinct_id: string; properties: Record<string, unknown> }> };
let receiver: Receiver;
let host: string;

beforeAll(async () => {
  receiver = await startReceiver();
  host = receiver.url;
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.received.length = 0;
});

const received = () => receiver.received;
const events = () => received().flatMap((r) => (JSON.parse(r.text) as Batch).batch ?? []);

describe("createServerAnalytics", () => {
  it("delivers a captured event with the given distinct id and properties", async () => {
    const analytics = createServerAnalytics({ key: "phc_unit", host });
    analytics.capture("alert delivered", "user-123", { channel: "webhook", attempts: 1 });
    await analytics.flush();
    await analytics.shutdown();
    expect(events()).toHaveLength(1);
    expect(events()[0]).toMatchObject({
      event: "alert delivered",
      distinct_id: "user-123",
      properties: { channel: "webhook", attempts: 1 },
    });
    expect(received()[0]!.url).toMatch(/^\/batch\/?/);
  });

  it("sends nothing without a key or when switched off", async () => {
    for (const config of [{ host }, { key: "phc_unit", host, disabled: true }]) {
      const analytics = createServerAnalytics(config);
      expect(analytics.enabled).toBe(false);
      analytics.capture("user logged in", "u1");
      await analytics.flush();
    }
    expect(received()).toHaveLength(0);
  });

  it("ignores unusable names and ids instead of throwing", async () => {
    const analytics = createServerAnalytics({ key: "phc_unit", host });
    expect(() => {
      analytics.capture("", "u1");
      analytics.capture("x", "");
      analytics.capture("x", "u".repeat(201));
      analytics.capture(undefined as never, null as never);
    }).not.toThrow();
    await analytics.shutdown();
    expect(events()).toHaveLength(0);
  });

  it("never throws or hangs when PostHog is unreachable", async () => {
    const analytics = createServerAnalytics({ key: "phc_unit", host: "http://127.0.0.1:9" });
    const started = Date.now();
    expect(() => analytics.capture("user logged in", "u1")).not.toThrow();
    await analytics.flush(300);
    await analytics.shutdown(300);
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
