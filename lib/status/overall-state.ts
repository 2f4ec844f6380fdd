/** The state of one monitor as the public page says it: no internal detail, just whether it works. */
export type PublicState = "operational" | "degraded" | "outage" | "unknown";
export type OverallState = PublicState;

/**
 * A monitor with an open incident is an outage; one whose last check failed (below the incident threshold) is
 * degraded; never checked is unknown; otherwise operational.
 */
export function publicState({
  openIncident,
  last,
}: {
  openIncident: boolean;
  last: { ok: boolean } | null;
}): PublicState {
  if (openIncident) return "outage";
  if (!last) return "unknown";
  return last.ok ? "operational" : "degraded";
}

/**
 * The page's headline: "outage" when every monitor with data is down, "degraded" when some are down or failing,
 * "operational" when all with data are up, "unknown" when none has data (or there are none).
 */
export function overallState(states: readonly PublicState[]): OverallState {
  const known = states.filter((s) => s !== "unknown");
  if (known.length === 0) return "unknown";
  if (known.every((s) => s === "outage")) return "outage";
  if (known.some((s) => s !== "operational")) return "degraded";
  return "operational";
}

export const STATE_HEADLINE: Record<OverallState, string> = {
  operational: "All systems operational",
  degraded: "Some systems are having problems",
  outage: "Major outage",
  unknown: "No status data yet",
};

export const STATE_LABEL: Record<PublicState, string> = {
  operational: "Operational",
  degraded: "Degraded",
  outage: "Outage",
  unknown: "No data",
};
