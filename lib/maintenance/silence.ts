import type { Transition } from "@/lib/slo/alert-state";

/**
 * An alert step while maintenance of the whole site is active: nothing new opens (so nothing notifies), a pending
 * alert stays pending (it fires at the first evaluation after the window if its rule still holds and its `for`
 * has passed), and what already fired goes on as usual (it may resolve, which notifies).
 */
export function duringMaintenance(step: Transition): Transition {
  if (step.kind === "open") return { kind: "none" };
  if (step.kind === "fire") return { kind: "hold" };
  return step;
}
