import type { NotificationEvent } from "@/lib/notify/event";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signatureHeader } from "@/lib/notify/signature";
import { slackMessage } from "@/lib/notify/slack-message";
import { webhookBody } from "@/lib/notify/webhook-body";

export type ChannelKind = "slack" | "webhook" | "email";

/** The parts of a claimed delivery and its channel that shape the request. */
export type DeliveryTarget = {
  rowId: string;
  channelId: string;
  kind: ChannelKind;
  secret: string | null;
  attempt: number;
  event: NotificationEvent;
};

/**
 * The id receivers deduplicate on. Row ids restart with a new database, so the channel's id (a cuid, unique per
 * channel ever created) is part of it: a reinstalled Vigil never reuses an id a receiver has already seen.
 */
export const deliveryIdOf = (channelId: string, rowId: string) => `${channelId}-${rowId}`;

export const USER_AGENT = "Vigil-Webhook/1.0";

/** Body and headers of one try. Generic webhooks are signed over the exact body bytes sent. */
export function deliveryRequest(
  target: DeliveryTarget,
  options: { nowSeconds: number; baseUrl?: string },
): { body: string; headers: Record<string, string> } {
  const id = deliveryIdOf(target.channelId, target.rowId);
  const body =
    target.kind === "slack"
      ? JSON.stringify(slackMessage(target.event, options.baseUrl))
      : webhookBody(target.event, { id, attempt: target.attempt });
  const headers: Record<string, string> = {
    "content-type": "application/json; charset=utf-8",
    "user-agent": USER_AGENT,
    [DELIVERY_HEADER]: id,
    [EVENT_HEADER]: target.event.type,
  };
  if (target.kind === "webhook" && target.secret)
    headers[SIGNATURE_HEADER] = signatureHeader(target.secret, body, options.nowSeconds);
  return { body, headers };
}
