import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { ChannelKind } from "@/lib/notify/delivery-request";

export type DeliveryStatus = "pending" | "delivered" | "dead";

export type DeliveryLogRow = {
  id: bigint;
  eventKey: string;
  eventType: string;
  payload: unknown;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  lastStatus: number | null;
  createdAt: Date;
  deliveredAt: Date | null;
  channel: { id: string; name: string; kind: ChannelKind };
};

/** The newest deliveries first, with their channel's name and kind (never its URL or secret). */
export function listRecentDeliveries(limit: number, client: DbClient = db): Promise<DeliveryLogRow[]> {
  return client.notificationDelivery.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: {
      id: true,
      eventKey: true,
      eventType: true,
      payload: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lockedUntil: true,
      lastError: true,
      lastStatus: true,
      createdAt: true,
      deliveredAt: true,
      channel: { select: { id: true, name: true, kind: true } },
    },
  });
}

/** Every delivery counted by status. */
export async function countDeliveriesByStatus(client: DbClient = db): Promise<Record<DeliveryStatus, number>> {
  const groups = await client.notificationDelivery.groupBy({ by: ["status"], _count: { _all: true } });
  const counts: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, dead: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

/** Deletes finished deliveries (delivered or dead) created before `before`; pending ones are never pruned. */
export async function pruneFinishedDeliveries(before: Date, client: DbClient = db): Promise<number> {
  const { count } = await client.notificationDelivery.deleteMany({
    where: { status: { in: ["delivered", "dead"] }, createdAt: { lt: before } },
  });
  return count;
}
