import { describe, expect, it } from "vitest";
import { processSingleton, processSlot } from "./process-singleton";

describe("processSingleton", () => {
  it("makes the value once per process, whichever copy of the module asks", async () => {
    let made = 0;
    const a = processSingleton("test.counter", () => ({ n: ++made }));
    // A second module instance (as another Next.js bundle would load) sees the same value.
    const copy = await import(`./process-singleton?copy=${Date.now()}`);
    const b = copy.processSingleton("test.counter", () => ({ n: ++made }));
    expect(b).toBe(a);
    expect(made).toBe(1);
  });

  it("keeps slots apart by name", () => {
    processSlot<number>("test.a").value = 1;
    expect(processSlot<number>("test.b").value).toBeUndefined();
    expect(processSlot<number>("test.a").value).toBe(1);
  });
});
