import type { WindowRule } from "@/lib/maintenance/expand";
import { WEEKDAYS } from "@/lib/maintenance/maintenance-input";

const hhmm = (d: Date) => d.toISOString().slice(11, 16);
const day = (d: Date) => d.toISOString().slice(0, 10);
const stamp = (d: Date) => `${day(d)} ${hhmm(d)}`;

export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes % 1440 === 0) return `${minutes / 1440} d`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return minutes > 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

/** "2026-03-02 22:00 → 2026-03-03 01:00 UTC", "Weekly on Tue, Sat at 02:00 UTC for 30 min, from 2026-03-02". */
export function describeSchedule(rule: WindowRule): string {
  if (rule.recurrence === "none") return `${stamp(rule.startsAt)} → ${stamp(rule.endsAt)} UTC`;
  const when =
    rule.recurrence === "daily"
      ? "Daily"
      : `Weekly on ${[...rule.weekdays]
          .sort()
          .map((d) => WEEKDAYS[d])
          .join(", ")}`;
  const until = rule.until ? ` until ${day(rule.until)}` : "";
  return `${when} at ${hhmm(rule.startsAt)} UTC for ${formatDuration(rule.endsAt.getTime() - rule.startsAt.getTime())}, from ${day(rule.startsAt)}${until}`;
}

/** The form's values for a stored window (datetime-local strings are UTC). */
export function formValuesOf(rule: WindowRule & { title: string; monitors: string[] }): Record<string, string> {
  const local = (d: Date) => d.toISOString().slice(0, 16);
  const recurring = rule.recurrence !== "none";
  return {
    title: rule.title,
    recurrence: rule.recurrence,
    startsAt: local(rule.startsAt),
    endsAt: recurring ? "" : local(rule.endsAt),
    durationMinutes: recurring ? String(Math.round((rule.endsAt.getTime() - rule.startsAt.getTime()) / 60_000)) : "",
    weekdays: "",
    ...Object.fromEntries(WEEKDAYS.map((_, i) => [`wd${i}`, rule.weekdays.includes(i) ? "on" : ""])),
    until: rule.until ? day(rule.until) : "",
    monitors: rule.monitors.join(", "),
  };
}
