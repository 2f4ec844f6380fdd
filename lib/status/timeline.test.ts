import { describe, expect, it } from "vitest";
import { timelineEntries, type TimelineUpdate } from "@/lib/status/timeline";

const update = (id: string, at: number): TimelineUpdate => ({
  id,
  at,
  status: "investigating",
  body: `note ${id}`,
  public: true,
  author: null,
});

describe("incident timeline", () => {
  it("puts opened first, the updates in time order, resolved last", () => {
    const entries = timelineEntries({ openedAt: 1_000, resolvedAt: 9_000 }, [update("b", 5_000), update("a", 2_000)]);
    expect(entries.map((e) => (e.kind === "update" ? e.id : e.kind))).toEqual(["opened", "a", "b", "resolved"]);
  });

  it("has no resolved entry while open, and keeps a note written after the resolution after it", () => {
    expect(timelineEntries({ openedAt: 1_000, resolvedAt: null }, [update("a", 3_000)]).map((e) => e.kind)).toEqual([
      "opened",
      "update",
    ]);
    const late = timelineEntries({ openedAt: 1_000, resolvedAt: 2_000 }, [update("pm", 8_000)]);
    expect(late.map((e) => e.kind)).toEqual(["opened", "resolved", "update"]);
  });

  it("orders ties: opened before an update at the same instant, an update before resolved, updates as written", () => {
    const entries = timelineEntries({ openedAt: 1_000, resolvedAt: 1_000 }, [update("x", 1_000), update("y", 1_000)]);
    expect(entries.map((e) => (e.kind === "update" ? e.id : e.kind))).toEqual(["opened", "x", "y", "resolved"]);
  });
});
