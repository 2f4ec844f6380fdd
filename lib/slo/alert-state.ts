// Alert lifecycle per SLO rule: inactive → pending → firing → resolved. Pure; lib/slo/evaluate-slos applies it.

export type OpenAlert = { state: "pending" | "firing"; startedAt: Date };

export type Transition =
  /** Nothing open and nothing wrong. */
  | { kind: "none" }
  /** Condition newly true: open the alert, firing at once when the rule has no `for`. Firing notifies. */
  | { kind: "open"; state: "pending" | "firing" }
  /** Still pending (the `for` has not passed) or still firing: refresh the latest figures only. */
  | { kind: "hold" }
  /** Pending long enough: fire (notifies). */
  | { kind: "fire" }
  /** Pending, and the condition cleared before it fired: the alert goes away without a trace or a notification. */
  | { kind: "drop" }
  /** Firing, and the condition cleared: resolve (notifies). */
  | { kind: "resolve" };

/** The step for one rule at one evaluation; the same inputs always give the same step, so re-running a minute is harmless. */
export function nextTransition(open: OpenAlert | null, holds: boolean, now: Date, forMinutes: number): Transition {
  if (!open) return holds ? { kind: "open", state: forMinutes > 0 ? "pending" : "firing" } : { kind: "none" };
  if (open.state === "pending") {
    if (!holds) return { kind: "drop" };
    return now.getTime() - open.startedAt.getTime() >= forMinutes * 60_000 ? { kind: "fire" } : { kind: "hold" };
  }
  return holds ? { kind: "hold" } : { kind: "resolve" };
}
