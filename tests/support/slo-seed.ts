import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { upsertRequestRollups } from "@/lib/telemetry/request-rollup-repository";
import type { RequestRollupRow } from "@/lib/telemetry/request-aggregator";
import { bucketOf, mergeInto } from "@/lib/vitals/histogram";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const floorTo = (t: number, size: number) => Math.floor(t / size) * size;

/** `count` requests in the minute of `at`, all with status class `statusClass` and duration `ms`. */
export type Traffic = { at: Date; route: string; statusClass: number; count: number; ms?: number; method?: string };

/**
 * Writes minute and hour rows of a site (Vigil's own unless told) the way the app's flush does (same upsert), so
 * later seeds add into existing rows.
 */
export async function seedRequests(traffic: readonly Traffic[], siteId = VIGIL_SITE_ID): Promise<void> {
  const cells = new Map<string, RequestRollupRow>();
  for (const t of traffic) {
    const ms = t.ms ?? 20;
    for (const grain of ["minute", "hour"] as const) {
      const bucketStart = new Date(floorTo(t.at.getTime(), grain === "minute" ? MINUTE : HOUR));
      const method = t.method ?? "GET";
      const key = `${grain}|${bucketStart.getTime()}|${t.route}|${method}|${t.statusClass}`;
      const cell = cells.get(key) ?? {
        grain,
        bucketStart,
        route: t.route,
        method,
        statusClass: t.statusClass,
        count: 0,
        durationSumMs: 0,
        hist: {},
      };
      cell.count += t.count;
      cell.durationSumMs += ms * t.count;
      mergeInto(cell.hist, { [bucketOf(ms)]: t.count });
      cells.set(key, cell);
    }
  }
  const rows = [...cells.values()];
  for (let i = 0; i < rows.length; i += 5000) await upsertRequestRollups(siteId, rows.slice(i, i + 5000));
}

/** The start of every minute in [from, to). */
export function minutesOf(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += MINUTE) out.push(new Date(t));
  return out;
}

/** One Traffic entry per minute over [from, to). */
export const everyMinute = (from: Date, to: Date, make: (at: Date) => Omit<Traffic, "at">): Traffic[] =>
  minutesOf(from, to).map((at) => ({ at, ...make(at) }));

/** An enabled notification channel, so the outbox has somewhere to queue alert events. */
export async function createChannel(): Promise<string> {
  const id = `it-${randomUUID()}`;
  await db.notificationChannel.create({
    data: { id, name: "integration", kind: "webhook", url: "http://127.0.0.1:9/hook" },
  });
  return id;
}
