import { describe, expect, it } from "vitest";
import { nextTransition, type OpenAlert } from "./alert-state";

const t0 = new Date("2026-03-10T12:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const pending: OpenAlert = { state: "pending", startedAt: t0 };
const firing: OpenAlert = { state: "firing", startedAt: t0 };

describe("nextTransition", () => {
  it("stays inactive while nothing holds", () => expect(nextTransition(null, false, t0, 5)).toEqual({ kind: "none" }));

  it("fires at once without a `for` (pages), goes pending with one (tickets)", () => {
    expect(nextTransition(null, true, t0, 0)).toEqual({ kind: "open", state: "firing" });
    expect(nextTransition(null, true, t0, 5)).toEqual({ kind: "open", state: "pending" });
  });

  it("fires a pending alert once the condition has held for `for` minutes, not before", () => {
    expect(nextTransition(pending, true, at(4), 5)).toEqual({ kind: "hold" });
    expect(nextTransition(pending, true, at(5), 5)).toEqual({ kind: "fire" });
    expect(nextTransition(pending, true, at(9), 5)).toEqual({ kind: "fire" });
  });

  it("drops a pending alert silently when the condition clears", () =>
    expect(nextTransition(pending, false, at(2), 5)).toEqual({ kind: "drop" }));

  it("keeps a firing alert while it holds and resolves it when it clears", () => {
    expect(nextTransition(firing, true, at(30), 0)).toEqual({ kind: "hold" });
    expect(nextTransition(firing, false, at(31), 0)).toEqual({ kind: "resolve" });
  });

  it("walks a whole life: pending → firing → resolved, then inactive again", () => {
    const steps: string[] = [];
    let open: OpenAlert | null = null;
    const conditions = [false, true, true, true, true, true, true, false, false];
    conditions.forEach((holds, minute) => {
      const step = nextTransition(open, holds, at(minute), 5);
      steps.push(step.kind === "open" ? `open:${step.state}` : step.kind);
      if (step.kind === "open") open = { state: step.state, startedAt: at(minute) };
      if (step.kind === "fire") open = { ...open!, state: "firing" };
      if (step.kind === "resolve" || step.kind === "drop") open = null;
    });
    expect(steps).toEqual(["none", "open:pending", "hold", "hold", "hold", "hold", "fire", "resolve", "none"]);
  });
});
