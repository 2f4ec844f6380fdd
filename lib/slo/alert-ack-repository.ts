import "server-only";
import { db, type DbClient } from "@/lib/db";

export type AckTarget = {
  siteId: number;
  id: bigint;
  state: "pending" | "firing" | "resolved";
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
};

export function findAckTarget(id: bigint, client: DbClient = db): Promise<AckTarget | null> {
  return client.alert.findFirst({
    where: { id },
    select: { siteId: true, id: true, state: true, acknowledgedAt: true, acknowledgedBy: true },
  });
}

/** Acknowledges a firing alert nobody has acknowledged yet; the condition in the update decides between racers. */
export async function markAcknowledged(
  id: bigint,
  ack: { by: string; note: string | null; at: Date },
  client: DbClient = db,
): Promise<boolean> {
  const { count } = await client.alert.updateMany({
    where: { id, state: "firing", acknowledgedAt: null },
    data: { acknowledgedAt: ack.at, acknowledgedBy: ack.by, ackNote: ack.note },
  });
  return count === 1;
}
