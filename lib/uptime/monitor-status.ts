export type MonitorStatus = "up" | "failing" | "down" | "paused" | "no-data";

/**
 * paused: disabled by an admin; down: an incident is open; failing: the last check failed but fewer than the
 * threshold in a row; up: the last check passed; no-data: never checked (or, for a heartbeat, never pinged).
 */
export function monitorStatus({
  enabled,
  openIncident,
  last,
}: {
  enabled: boolean;
  openIncident: boolean;
  last: { ok: boolean } | null;
}): MonitorStatus {
  if (!enabled) return "paused";
  if (openIncident) return "down";
  if (!last) return "no-data";
  return last.ok ? "up" : "failing";
}

export const STATUS_LABEL: Record<MonitorStatus, string> = {
  up: "up",
  failing: "failing",
  down: "down",
  paused: "paused",
  "no-data": "no data",
};

/** "45 s", "12 min", "3 h 05 min", "2 d 4 h": incident durations, rounded down. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${String(m % 60).padStart(2, "0")} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
