import type { NotificationEvent } from "@/lib/notify/event";

/** What a generic webhook receives: the event as producers sent it, plus which delivery and which try this is. */
export type WebhookBody = NotificationEvent & { delivery: { id: string; attempt: number } };

/** The JSON body, serialised once: the signature covers exactly these bytes. */
export function webhookBody(event: NotificationEvent, delivery: { id: string; attempt: number }): string {
  const body: WebhookBody = { ...event, delivery: { id: delivery.id, attempt: delivery.attempt } };
  return JSON.stringify(body);
}
