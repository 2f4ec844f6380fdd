import { describe, expect, it } from "vitest";
import { deliveryIdOf, deliveryRequest, type DeliveryTarget } from "./delivery-request";
import type { NotificationEvent } from "./event";
import { slackMessage } from "./slack-message";
import { signatureHeader, verifySignature } from "./signature";

const event: NotificationEvent = {
  key: "incident:7:opened",
  type: "incident.opened",
  severity: "page",
  title: "Homepage down",
  summary: "3 failed probes",
  path: "/admin/uptime",
  at: "2026-12-01T10:00:00.000Z",
  data: { monitor: "home" },
};
const target: DeliveryTarget = {
  rowId: "17",
  channelId: "cchan1",
  kind: "webhook",
  secret: "whsec_test_secret_0123",
  attempt: 2,
  event,
};

describe("deliveryRequest", () => {
  it("sends webhooks the event plus delivery id and attempt, signed over the exact body", () => {
    const { body, headers } = deliveryRequest(target, {
      nowSeconds: 1_764_583_200,
      baseUrl: "https://vigil.example.com",
    });
    expect(JSON.parse(body)).toEqual({ ...event, delivery: { id: "cchan1-17", attempt: 2 } });
    expect(headers).toEqual({
      "content-type": "application/json; charset=utf-8",
      "user-agent": "Vigil-Webhook/1.0",
      "X-Vigil-Delivery": "cchan1-17",
      "X-Vigil-Event": "incident.opened",
      "X-Vigil-Signature": signatureHeader("whsec_test_secret_0123", body, 1_764_583_200),
    });
    expect(verifySignature("whsec_test_secret_0123", body, headers["X-Vigil-Signature"], 1_764_583_210)).toMatchObject({
      ok: true,
    });
  });

  it("sends Slack channels the Slack message, unsigned", () => {
    const { body, headers } = deliveryRequest(
      { ...target, kind: "slack", secret: null },
      { nowSeconds: 1_764_583_200, baseUrl: "https://vigil.example.com" },
    );
    expect(JSON.parse(body)).toEqual(slackMessage(event, "https://vigil.example.com"));
    expect(headers["X-Vigil-Signature"]).toBeUndefined();
    expect(headers["X-Vigil-Delivery"]).toBe("cchan1-17");
  });

  it("names deliveries by channel and row, so ids never repeat across databases", () => {
    expect(deliveryIdOf("ckabc", "1")).toBe("ckabc-1");
  });
});
