import { formatUptime, type CheckCounts } from "@/lib/uptime/uptime-math";

export type SegmentState = "up" | "degraded" | "down" | "none";
export type BarPlan = { start: Date; end: Date; stepMs: number; count: number };
export type BucketRow = CheckCounts & { t: Date };
export type Segment = CheckCounts & {
  start: number;
  end: number;
  state: SegmentState;
  /** Minutes of the segment inside maintenance (its checks there are left out); absent when none. */
  maintenanceMinutes?: number;
};
/** A maintenance interval in ms since the epoch. */
export type Span = { from: number; to: number };

const HOUR = 3_600_000;
export const BAR_PLANS = {
  /** 24 hourly segments, the last one the current (partial) hour. */
  "24h": { stepMs: HOUR, count: 24 },
  /** 90 daily segments (UTC days), the last one today. */
  "90d": { stepMs: 24 * HOUR, count: 90 },
} as const;
export type BarKey = keyof typeof BAR_PLANS;

/** `count` steps aligned on whole steps since the Unix epoch (UTC hours and days), ending with the one holding `now`. */
export function planSteps(stepMs: number, count: number, now: Date): BarPlan {
  const last = Math.floor(now.getTime() / stepMs) * stepMs;
  return { start: new Date(last - (count - 1) * stepMs), end: new Date(last + stepMs), stepMs, count };
}

export const planBar = (key: BarKey, now: Date): BarPlan => planSteps(BAR_PLANS[key].stepMs, BAR_PLANS[key].count, now);

/** up: every check passed; down: none did; degraded: some failed; none: no checks. */
export function segmentState({ ok, total }: CheckCounts): SegmentState {
  if (total === 0) return "none";
  if (ok === total) return "up";
  return ok === 0 ? "down" : "degraded";
}

/** One segment per step of the plan, filled from per-bucket counts (buckets start on the plan's steps). */
export function barSegments(plan: BarPlan, rows: readonly BucketRow[]): Segment[] {
  const byStart = new Map(rows.map((r) => [r.t.getTime(), r]));
  return Array.from({ length: plan.count }, (_, i) => {
    const start = plan.start.getTime() + i * plan.stepMs;
    const row = byStart.get(start);
    const counts = { ok: row?.ok ?? 0, total: row?.total ?? 0 };
    return { start, end: start + plan.stepMs, ...counts, state: segmentState(counts) };
  });
}

/** Marks each segment with the minutes of maintenance inside it (intervals sorted and disjoint). */
export function markMaintenance(segments: readonly Segment[], spans: readonly Span[]): Segment[] {
  return segments.map((s) => {
    let ms = 0;
    for (const i of spans) ms += Math.max(0, Math.min(s.end, i.to) - Math.max(s.start, i.from));
    return ms > 0 ? { ...s, maintenanceMinutes: Math.round(ms / 60_000) } : s;
  });
}

const STATE_LABEL: Record<SegmentState, string> = { up: "up", degraded: "degraded", down: "down", none: "no data" };

/** The tooltip of a segment, e.g. "2026-03-01 14:00–15:00 UTC · degraded · 98.333% (59 of 60 checks ok)". */
export function segmentTitle(s: Segment, stepMs: number): string {
  const iso = (t: number) => new Date(t).toISOString();
  const when =
    stepMs >= 24 * HOUR
      ? iso(s.start).slice(0, 10)
      : `${iso(s.start).slice(0, 16).replace("T", " ")}–${iso(s.end).slice(11, 16)}`;
  const figures =
    s.total === 0 ? "no checks" : `${formatUptime(s)} (${s.ok} of ${s.total} ${s.total === 1 ? "check" : "checks"} ok)`;
  const maintenance = s.maintenanceMinutes ? ` · maintenance ${s.maintenanceMinutes} min (not counted)` : "";
  return `${when} UTC · ${STATE_LABEL[s.state]} · ${figures}${maintenance}`;
}
