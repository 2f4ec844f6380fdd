import { describe, expect, it } from "vitest";
import { StaleWhileRevalidate } from "./stale-cache";

function setup() {
  let now = 0;
  let calls = 0;
  let fail = false;
  const cache = new StaleWhileRevalidate<string, string>(
    async (key) => {
      calls++;
      if (fail) throw new Error("down");
      return `${key}@${now}`;
    },
    { freshMs: 10, maxAgeMs: 100, now: () => now },
  );
  return {
    cache,
    at: (t: number) => {
      now = t;
    },
    calls: () => calls,
    failing: (f: boolean) => {
      fail = f;
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("StaleWhileRevalidate", () => {
  it("serves a fresh value without loading again, and one load for concurrent first reads", async () => {
    const s = setup();
    const [a, b] = await Promise.all([s.cache.get("x"), s.cache.get("x")]);
    expect(a).toEqual({ value: "x@0", at: 0 });
    expect(b).toEqual(a);
    s.at(9);
    expect((await s.cache.get("x")).value).toBe("x@0");
    expect(s.calls()).toBe(1);
  });

  it("serves a stale value while one refresh runs, then the refreshed one", async () => {
    const s = setup();
    await s.cache.get("x");
    s.at(50);
    const [a, b] = await Promise.all([s.cache.get("x"), s.cache.get("x")]);
    expect([a.value, b.value]).toEqual(["x@0", "x@0"]);
    await tick();
    expect(s.calls()).toBe(2);
    expect(await s.cache.get("x")).toEqual({ value: "x@50", at: 50 });
  });

  it("loads before answering once a value is too old, and keeps the old one when a refresh fails", async () => {
    const s = setup();
    await s.cache.get("x");
    s.at(500);
    expect((await s.cache.get("x")).value).toBe("x@500");
    s.at(550);
    s.failing(true);
    expect((await s.cache.get("x")).value).toBe("x@500");
    await tick();
    expect((await s.cache.get("x")).value).toBe("x@500");
    s.at(700);
    await expect(s.cache.get("x")).rejects.toThrow("down");
  });

  it("forgets keys it is not told to retain", async () => {
    const s = setup();
    await s.cache.get("x");
    await s.cache.get("y");
    s.cache.retain(["y"]);
    await s.cache.get("x");
    await s.cache.get("y");
    expect(s.calls()).toBe(3);
  });
});
