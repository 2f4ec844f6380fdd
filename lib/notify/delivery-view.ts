import type { DeliveryLogRow, DeliveryStatus } from "@/lib/notify/delivery-log-repository";
import type { ChannelKind } from "@/lib/notify/delivery-request";

/** One delivery as the Alerts page lists it; every figure already formatted. */
export type DeliveryView = {
  id: string;
  title: string;
  eventType: string;
  channelName: string;
  channelKind: ChannelKind;
  status: DeliveryStatus;
  /** True while a worker holds the row (its lease has not run out). */
  sending: boolean;
  attempts: number;
  /** "HTTP 200", "HTTP 500: boom", "timeout: …", or "—" before the first try. */
  last: string;
  /** Pending rows only: when the next try is due, and how long until then. */
  nextAttempt: { at: string; until: string } | null;
  created: string;
  delivered: string | null;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** `2026-12-01 10:00:05`, in UTC (the section says so once): one format for every time on the page. */
export function formatUtc(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** How long until `at`: "due now", "in 25 s", "in 4 min", "in 1 h 05 min". */
export function formatUntil(at: Date, now: Date): string {
  const s = Math.ceil((at.getTime() - now.getTime()) / 1000);
  if (s <= 0) return "due now";
  if (s < 60) return `in ${s} s`;
  const m = Math.ceil(s / 60);
  if (m < 60) return `in ${m} min`;
  return `in ${Math.floor(m / 60)} h ${pad(m % 60)} min`;
}

function titleOf(payload: unknown, fallback: string): string {
  const title = (payload as { title?: unknown } | null)?.title;
  return typeof title === "string" && title ? title : fallback;
}

function lastOutcome(row: Pick<DeliveryLogRow, "lastError" | "lastStatus" | "channel">): string {
  if (row.lastError) return row.lastError;
  if (row.lastStatus === null) return "—";
  return `${row.channel.kind === "email" ? "SMTP" : "HTTP"} ${row.lastStatus}`;
}

export function deliveryView(row: DeliveryLogRow, now: Date): DeliveryView {
  return {
    id: String(row.id),
    title: titleOf(row.payload, row.eventKey),
    eventType: row.eventType,
    channelName: row.channel.name,
    channelKind: row.channel.kind,
    status: row.status,
    sending: row.status === "pending" && row.lockedUntil !== null && row.lockedUntil > now,
    attempts: row.attempts,
    last: lastOutcome(row),
    nextAttempt:
      row.status === "pending"
        ? { at: formatUtc(row.nextAttemptAt), until: formatUntil(row.nextAttemptAt, now) }
        : null,
    created: formatUtc(row.createdAt),
    delivered: row.deliveredAt ? formatUtc(row.deliveredAt) : null,
  };
}
