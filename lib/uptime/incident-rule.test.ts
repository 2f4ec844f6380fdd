import { describe, expect, it } from "vitest";
import { consecutiveFailures, decideIncident } from "./incident-rule";

const F = false;
const T = true;

describe("incident rule", () => {
  it("counts the failures at the head of a newest-first sequence", () => {
    expect(consecutiveFailures([])).toBe(0);
    expect(consecutiveFailures([T, F, F])).toBe(0);
    expect(consecutiveFailures([F, F, T, F])).toBe(2);
    expect(consecutiveFailures([F, F, F])).toBe(3);
  });

  it("opens after `threshold` consecutive failures, not before", () => {
    expect(decideIncident([F], 3, false)).toEqual({ action: "none" });
    expect(decideIncident([F, F, T], 3, false)).toEqual({ action: "none" });
    expect(decideIncident([F, F, F], 3, false)).toEqual({ action: "open", failures: 3 });
    expect(decideIncident([F], 1, false)).toEqual({ action: "open", failures: 1 });
    // A raised threshold is honoured from the stored sequence.
    expect(decideIncident([F, F, F, T], 5, false)).toEqual({ action: "none" });
  });

  it("opens nothing during maintenance; an open incident still extends and resolves; after it, the next failure opens", () => {
    expect(decideIncident([F, F, F], 3, false, true)).toEqual({ action: "none" });
    expect(decideIncident([F, F, F, F], 3, true, true)).toEqual({ action: "extend" });
    expect(decideIncident([T, F, F, F], 3, true, true)).toEqual({ action: "resolve" });
    expect(decideIncident([F, F, F, F], 3, false, false)).toEqual({ action: "open", failures: 4 });
  });

  it("keeps one incident while failures go on, and resolves on the first success", () => {
    expect(decideIncident([F, F, F, F], 3, true)).toEqual({ action: "extend" });
    expect(decideIncident([T, F, F, F], 3, true)).toEqual({ action: "resolve" });
    expect(decideIncident([T, T], 3, false)).toEqual({ action: "none" });
    expect(decideIncident([], 3, false)).toEqual({ action: "none" });
  });

  it("after a resolve, needs `threshold` new failures again (a restart replays the same answer)", () => {
    // F F F → open; T → resolve; F F → nothing yet; F → open again.
    const history: boolean[] = [];
    const actions: string[] = [];
    let open = false;
    for (const ok of [F, F, F, T, F, F, F]) {
      history.unshift(ok);
      const d = decideIncident(history.slice(0, 3), 3, open);
      actions.push(d.action);
      if (d.action === "open") open = true;
      if (d.action === "resolve") open = false;
    }
    expect(actions).toEqual(["none", "none", "open", "resolve", "none", "none", "open"]);
  });
});
