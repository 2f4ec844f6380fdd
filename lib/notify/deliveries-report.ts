import "server-only";
import {
  countDeliveriesByStatus,
  listRecentDeliveries,
  type DeliveryStatus,
} from "@/lib/notify/delivery-log-repository";
import { deliveryView, type DeliveryView } from "@/lib/notify/delivery-view";
import { requeueDeadDelivery } from "@/lib/notify/outbox-repository";
import { AppError } from "@/lib/errors";

export const RECENT_DELIVERIES = 50;

export type DeliveriesReport = { counts: Record<DeliveryStatus, number>; total: number; rows: DeliveryView[] };

/** The Alerts page's deliveries section: counts by status and the most recent deliveries. */
export async function loadDeliveriesReport(now = new Date()): Promise<DeliveriesReport> {
  const [counts, rows] = await Promise.all([countDeliveriesByStatus(), listRecentDeliveries(RECENT_DELIVERIES)]);
  return {
    counts,
    total: counts.pending + counts.delivered + counts.dead,
    rows: rows.map((r) => deliveryView(r, now)),
  };
}

/** "Retry" on a dead delivery: queued again now, with a fresh series of attempts. */
export async function retryDeadDelivery(id: bigint, now = new Date()): Promise<void> {
  if (!(await requeueDeadDelivery(id, now)))
    throw new AppError("bad_request", "Only dead deliveries can be retried; this one is not dead any more.");
}
