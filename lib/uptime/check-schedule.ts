const SECOND = 1000;

/** When a heartbeat is missed if no ping arrives: one interval plus the grace after the last ping (or creation). */
export function heartbeatDeadline(from: Date, intervalSeconds: number, graceSeconds: number): Date {
  return new Date(from.getTime() + (intervalSeconds + graceSeconds) * SECOND);
}

/**
 * After a missed deadline: how many intervals were missed by `now` (at least one), and the next deadline, the
 * first one after `now` stepping by whole intervals. The job records one failure per run that finds a deadline
 * passed, so a silent cron yields one failure per interval, not one per scheduler tick.
 */
export function afterMissedHeartbeat(
  deadline: Date,
  intervalSeconds: number,
  now: Date,
): { missed: number; next: Date } {
  const step = intervalSeconds * SECOND;
  const missed = Math.max(1, Math.floor((now.getTime() - deadline.getTime()) / step) + 1);
  return { missed, next: new Date(deadline.getTime() + missed * step) };
}

/** Keeps the monitor's cadence (the last due time + interval) unless the run fell behind, then an interval from now. */
export function nextProbeAt(dueAt: Date, intervalSeconds: number, checkedAt: Date): Date {
  const onSchedule = dueAt.getTime() + intervalSeconds * 1000;
  return new Date(onSchedule > checkedAt.getTime() ? onSchedule : checkedAt.getTime() + intervalSeconds * 1000);
}
