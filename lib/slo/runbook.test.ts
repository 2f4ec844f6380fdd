import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { KIND_RUNBOOK, runbookOf } from "./runbook";

describe("runbook links", () => {
  it("keep an SLO's own link and fall back to its kind's entry", () => {
    expect(runbookOf({ kind: "custom", runbookUrl: "https://wiki.example/hooks" })).toBe("https://wiki.example/hooks");
    expect(runbookOf({ kind: "custom", runbookUrl: undefined })).toBe("RUNBOOK.md#event-success");
    expect(runbookOf({ runbookUrl: undefined })).toBeNull();
  });

  it("point at anchors that exist in RUNBOOK.md", () => {
    const runbook = readFileSync(resolve(import.meta.dirname, "../../RUNBOOK.md"), "utf8");
    for (const link of Object.values(KIND_RUNBOOK))
      expect(runbook, link).toContain(`<a id="${link.split("#")[1]}"></a>`);
  });
});
