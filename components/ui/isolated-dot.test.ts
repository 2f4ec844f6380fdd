import { describe, expect, it } from "vitest";
import { isolatedIndexes } from "@/components/ui/isolated-dot";

describe("isolatedIndexes", () => {
  it("finds values between gaps and at the ends next to a gap", () => {
    expect([...isolatedIndexes([5, null, 3, 4, null, 7], false)]).toEqual([0, 5]);
    expect([...isolatedIndexes([null, 2, null], false)]).toEqual([1]);
    expect([...isolatedIndexes([1, 2, 3], false)]).toEqual([]);
  });

  it("with gaps bridged, only a lone value of the whole series", () => {
    expect([...isolatedIndexes([null, null, 0.084], true)]).toEqual([2]);
    expect([...isolatedIndexes([5, null, null, 7], true)]).toEqual([]);
    expect([...isolatedIndexes([null, null], true)]).toEqual([]);
  });
});
