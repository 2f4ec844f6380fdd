import "server-only";
import type { DbClient } from "@/lib/db";
import type { NotificationEvent } from "@/lib/notify/event";

/**
 * Queues `event` for every enabled channel, inside the caller's transaction (the one that changed the alert or
 * incident), so a state change and its notifications commit together or not at all. Returns the rows queued;
 * an event already queued for a channel (same key) is not queued again.
 */
export async function enqueueNotification(tx: DbClient, event: NotificationEvent): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO notification_deliveries (channel_id, event_key, event_type, payload)
    SELECT id, ${event.key}, ${event.type}, ${JSON.stringify(event)}::jsonb FROM notification_channels WHERE enabled
    ON CONFLICT (channel_id, event_key) DO NOTHING`;
}
