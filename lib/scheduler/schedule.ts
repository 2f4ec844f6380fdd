export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

// A run may start this much early: cron ticks and the in-process loop jitter by a few seconds, and a job that
// runs every minute must not skip a minute because the last run began 59.9 s ago.
const EARLY = 0.1;

/** True when a job of period `everyMs` whose last run began at `lastStart` (null: never) should run at `now`. */
export function isDue(lastStart: Date | null, everyMs: number, now: Date): boolean {
  return lastStart === null || now.getTime() - lastStart.getTime() >= everyMs * (1 - EARLY);
}

/** When the in-process loop should look at a job again after a run, a skip or a not-due answer. */
export function nextLocalCheck(outcome: "ok" | "failed" | "skipped" | "not-due", everyMs: number, now: number): number {
  if (outcome === "ok" || outcome === "failed") return now + everyMs;
  // Another instance ran it (or holds it): look again well within the period, so this one takes over if that
  // instance goes away, without querying every tick.
  return now + Math.max(5 * SECOND, Math.min(everyMs / 4, MINUTE));
}
