import { describe, expect, it } from "vitest";
import { nextTransition } from "@/lib/slo/alert-state";
import { duringMaintenance } from "./silence";

const now = new Date("2026-03-02T10:10:00Z");
const ago = (min: number) => new Date(now.getTime() - min * 60_000);

describe("duringMaintenance", () => {
  it("opens nothing, fires nothing; holds, drops and resolves go on", () => {
    const step = (open: Parameters<typeof nextTransition>[0], holds: boolean, forMinutes: number) =>
      duringMaintenance(nextTransition(open, holds, now, forMinutes)).kind;
    expect(step(null, true, 0)).toBe("none"); // a page would open firing
    expect(step(null, true, 5)).toBe("none"); // a ticket would open pending
    expect(step({ state: "pending", startedAt: ago(6) }, true, 5)).toBe("hold"); // would fire
    expect(step({ state: "pending", startedAt: ago(6) }, false, 5)).toBe("drop");
    expect(step({ state: "firing", startedAt: ago(30) }, true, 0)).toBe("hold");
    expect(step({ state: "firing", startedAt: ago(30) }, false, 0)).toBe("resolve");
  });
});
