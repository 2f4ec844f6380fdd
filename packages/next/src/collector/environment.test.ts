import { describe, expect, it } from "vitest";
import { connectionType, newPageViewId } from "./environment.js";

describe("environment hints", () => {
  it("page view ids are 24 url-safe characters and unique", () => {
    const ids = new Set(Array.from({ length: 1000 }, newPageViewId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[\da-f]{24}$/);
  });

  it("reads only the known effective connection types", () => {
    expect(connectionType({ connection: { effectiveType: "3g" } })).toBe("3g");
    expect(connectionType({ connection: { effectiveType: "slow-2g" } })).toBe("slow-2g");
    expect(connectionType({ connection: { effectiveType: "5g" } })).toBeUndefined();
    expect(connectionType({})).toBeUndefined();
  });
});
