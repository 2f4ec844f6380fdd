import "server-only";
import {
  countDeliveriesByStatus,
  listRecentDeliveries,
  type DeliveryStatus,
} from "@/lib/notify/delivery-log-repository";
import { deliveryView, type DeliveryView } from "@/lib/notify/delivery-view";

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
