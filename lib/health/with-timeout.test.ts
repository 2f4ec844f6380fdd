import { describe, expect, it } from "vitest";
import { TimeoutError, withTimeout } from "./with-timeout";

describe("withTimeout", () => {
  it("resolves with the work's value when it is in time", async () => {
    await expect(withTimeout(Promise.resolve(7), 50)).resolves.toBe(7);
  });

  it("rejects with TimeoutError when the work never settles", async () => {
    const started = Date.now();
    await expect(withTimeout(new Promise(() => {}), 30)).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("passes the work's own rejection through", async () => {
    await expect(withTimeout(Promise.reject(new Error("refused")), 50)).rejects.toThrow("refused");
  });
});
