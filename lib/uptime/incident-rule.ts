export type IncidentDecision =
  | { action: "open"; failures: number }
  | { action: "resolve" }
  /** Still failing while an incident is open: count the failure on it. */
  | { action: "extend" }
  | { action: "none" };

/** Failed checks at the head of a newest-first sequence. */
export function consecutiveFailures(newestFirst: readonly boolean[]): number {
  const firstOk = newestFirst.indexOf(true);
  return firstOk === -1 ? newestFirst.length : firstOk;
}

/**
 * The incident rule, decided from the stored results (newest first, the check just recorded included), so a
 * restart never loses the count: `threshold` consecutive failures open an incident, one success resolves it.
 * During maintenance of the monitor nothing opens (an open incident still counts failures and resolves); a target
 * still down once the window ends opens one at its first failed check after it.
 */
export function decideIncident(
  newestFirst: readonly boolean[],
  threshold: number,
  hasOpenIncident: boolean,
  inMaintenance = false,
): IncidentDecision {
  if (newestFirst.length === 0) return { action: "none" };
  if (newestFirst[0]) return hasOpenIncident ? { action: "resolve" } : { action: "none" };
  if (hasOpenIncident) return { action: "extend" };
  const failures = consecutiveFailures(newestFirst);
  return failures >= threshold && !inMaintenance ? { action: "open", failures } : { action: "none" };
}
