import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { ChannelKind } from "@/lib/notify/delivery-request";
import type { NotificationEvent } from "@/lib/notify/event";

/**
 * Queues `event` inside the caller's transaction (the one that changed the alert or incident), so a state change
 * and its notifications commit together or not at all. Which channels: those routed for the event's site
 * (`data.site`) and severity; a site with no route at all (or an event naming no known site) goes to every enabled
 * channel. Returns the rows queued; an event already queued for a channel (same key) is not queued again.
 */
export async function enqueueNotification(tx: DbClient, event: NotificationEvent): Promise<number> {
  const site = typeof event.data.site === "string" ? event.data.site : null;
  return tx.$executeRaw`
    INSERT INTO notification_deliveries (channel_id, event_key, event_type, payload)
    SELECT c.id, ${event.key}, ${event.type}, ${JSON.stringify(event)}::jsonb FROM notification_channels c
    WHERE c.enabled AND (
      EXISTS (SELECT 1 FROM notification_routes r JOIN sites s ON s.id = r.site_id
        WHERE s.slug = ${site}::text AND r.severity::text = ${event.severity} AND r.channel_id = c.id)
      OR NOT EXISTS (SELECT 1 FROM notification_routes r JOIN sites s ON s.id = r.site_id WHERE s.slug = ${site}::text))
    ON CONFLICT (channel_id, event_key) DO NOTHING`;
}

/** Queues `event` for one channel only (Settings' "Send test"); 0 when the channel is gone or has the key already. */
export async function enqueueNotificationFor(
  tx: DbClient,
  channelId: string,
  event: NotificationEvent,
): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO notification_deliveries (channel_id, event_key, event_type, payload)
    SELECT id, ${event.key}, ${event.type}, ${JSON.stringify(event)}::jsonb FROM notification_channels WHERE id = ${channelId}
    ON CONFLICT (channel_id, event_key) DO NOTHING`;
}

/** A delivery the caller now holds under lease, with what it needs to send it. `attempts` counts this try. */
export type ClaimedDelivery = {
  id: bigint;
  channelId: string;
  channelName: string;
  kind: ChannelKind;
  url: string;
  secret: string | null;
  allowPrivate: boolean;
  /** Email channels: sender and recipients. */
  emailFrom: string | null;
  emailTo: string[];
  eventType: string;
  payload: unknown;
  attempts: number;
};

/**
 * Takes up to `limit` due deliveries of enabled channels, oldest first, and leases them until `leaseUntil`: rows
 * other workers are claiming right now are skipped (SKIP LOCKED), rows whose lease is still running are not due,
 * and each claim counts as an attempt before anything is sent (a crash mid-send still used one).
 */
export function claimDueDeliveries(
  now: Date,
  leaseUntil: Date,
  limit: number,
  client: DbClient = db,
): Promise<ClaimedDelivery[]> {
  return client.$queryRaw<ClaimedDelivery[]>`
    UPDATE notification_deliveries d SET locked_until = ${leaseUntil}, attempts = d.attempts + 1
    FROM notification_channels c
    WHERE c.id = d.channel_id AND d.id IN (
      SELECT nd.id FROM notification_deliveries nd JOIN notification_channels ch ON ch.id = nd.channel_id
      WHERE nd.status = 'pending' AND nd.next_attempt_at <= ${now} AND (nd.locked_until IS NULL OR nd.locked_until < ${now}) AND ch.enabled
      ORDER BY nd.id LIMIT ${limit}
      FOR UPDATE OF nd SKIP LOCKED)
    RETURNING d.id, d.channel_id AS "channelId", c.name AS "channelName", c.kind::text AS kind, c.url, c.secret,
      c.allow_private AS "allowPrivate", c.email_from AS "emailFrom", c.email_to AS "emailTo", d.event_type AS "eventType", d.payload, d.attempts`;
}

/**
 * Delivered wins over everything: whoever holds the lease, a pending row that reached its receiver is done.
 * False when the row was already delivered (or deleted), so a success is never counted twice.
 */
export async function markDelivered(
  id: bigint,
  result: { lastStatus: number; at: Date },
  client: DbClient = db,
): Promise<boolean> {
  const { count } = await client.notificationDelivery.updateMany({
    where: { id, status: "pending" },
    data: {
      status: "delivered",
      deliveredAt: result.at,
      lastStatus: result.lastStatus,
      lastError: null,
      lockedUntil: null,
    },
  });
  return count === 1;
}

/**
 * Records a failed try: back to pending with its next time, or dead. Only the holder of the latest claim may do so
 * (same attempt number): a worker whose lease ran out must not undo what a later claimer decided.
 */
export async function markFailed(
  id: bigint,
  attempt: number,
  result: { dead: boolean; nextAttemptAt?: Date; lastStatus: number | null; error: string },
  client: DbClient = db,
): Promise<boolean> {
  const { count } = await client.notificationDelivery.updateMany({
    where: { id, status: "pending", attempts: attempt },
    data: {
      status: result.dead ? "dead" : "pending",
      ...(result.nextAttemptAt ? { nextAttemptAt: result.nextAttemptAt } : {}),
      lastStatus: result.lastStatus,
      lastError: result.error.slice(0, 500),
      lockedUntil: null,
    },
  });
  return count === 1;
}

/** A dead delivery back in the queue for a fresh series of attempts (the console's "Retry"). */
export async function requeueDeadDelivery(id: bigint, now: Date, client: DbClient = db): Promise<boolean> {
  const { count } = await client.notificationDelivery.updateMany({
    where: { id, status: "dead" },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null },
  });
  return count === 1;
}
