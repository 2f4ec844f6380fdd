import { describe, expect, it } from "vitest";
import { OTHER_ROUTE, RouteAdmission, type RouteStore } from "./route-admission";

/** An in-memory stand-in with the same contract as the browser_routes repository (tested against Postgres too). */
function memoryStore() {
  const days = new Map<string, string[]>();
  const calls = { load: 0, admit: 0 };
  const store: RouteStore = {
    async load(day) {
      calls.load++;
      return [...(days.get(day) ?? [])];
    },
    async admit(day, routes, cap) {
      calls.admit++;
      const list = days.get(day) ?? [];
      days.set(day, list);
      for (const r of routes) if (!list.includes(r) && list.length < cap) list.push(r);
      return routes.filter((r) => list.includes(r));
    },
  };
  return { store, days, calls };
}

describe("RouteAdmission", () => {
  const DAY = 86_400_000;

  it("admits routes up to the cap, then maps new ones to (other) without asking the store again", async () => {
    const { store, calls } = memoryStore();
    let now = Date.UTC(2026, 11, 1, 12);
    const admission = new RouteAdmission(store, 3, () => now);
    const map = await admission.resolve(["/a", "/b", "/c", "/d"]);
    expect(["/a", "/b", "/c", "/d"].map(map)).toEqual(["/a", "/b", "/c", OTHER_ROUTE]);
    const admits = calls.admit;
    for (let i = 0; i < 100; i++) expect((await admission.resolve([`/x${i}`]))(`/x${i}`)).toBe(OTHER_ROUTE);
    expect(calls.admit).toBe(admits);
    expect((await admission.resolve(["/b"]))("/b")).toBe("/b");
    now += 1_000;
    expect((await admission.resolve(["/a"]))("/a")).toBe("/a");
  });

  it("starts a new allowance each UTC day and shares admissions across instances through the store", async () => {
    const { store } = memoryStore();
    let now = Date.UTC(2026, 11, 1, 23, 59);
    const a = new RouteAdmission(store, 2, () => now);
    const b = new RouteAdmission(store, 2, () => now);
    expect((await a.resolve(["/one"]))("/one")).toBe("/one");
    expect((await b.resolve(["/two", "/three"]))("/three")).toBe(OTHER_ROUTE);
    expect((await a.resolve(["/two"]))("/two")).toBe("/two");
    now += DAY;
    expect((await a.resolve(["/three"]))("/three")).toBe("/three");
  });

  it("picks up, at most once per refresh period, routes another instance admitted after this one filled up", async () => {
    const { store, calls } = memoryStore();
    let now = Date.UTC(2026, 11, 1, 8);
    const a = new RouteAdmission(store, 2, () => now, 30_000);
    const b = new RouteAdmission(store, 2, () => now, 30_000);
    await a.resolve(["/first"]);
    await b.resolve(["/late"]);
    expect((await a.resolve(["/x"]))("/x")).toBe(OTHER_ROUTE);
    const loads = calls.load;
    expect((await a.resolve(["/late"]))("/late")).toBe(OTHER_ROUTE);
    now += 30_000;
    expect((await a.resolve(["/late"]))("/late")).toBe("/late");
    expect(calls.load).toBe(loads + 1);
  });

  it("retries a failed load on the next call instead of failing for the rest of the day", async () => {
    const { store } = memoryStore();
    let failures = 1;
    const flaky: RouteStore = {
      ...store,
      load: (day) => (failures-- > 0 ? Promise.reject(new Error("db down")) : store.load(day)),
    };
    const admission = new RouteAdmission(flaky, 5);
    await expect(admission.resolve(["/a"])).rejects.toThrow("db down");
    expect((await admission.resolve(["/a"]))("/a")).toBe("/a");
  });
});

describe("RouteAdmission under concurrency", () => {
  it("never admits past the cap when many requests bring new routes at once (one instance)", async () => {
    const { store, days } = memoryStore();
    // A store that answers slowly, as Postgres under load does: every concurrent caller sees the same room.
    const slow: RouteStore = {
      load: store.load,
      admit: async (day, routes, cap) => {
        const room = cap - (days.get(day)?.length ?? 0);
        await new Promise((r) => setTimeout(r, 5));
        const list = days.get(day) ?? [];
        days.set(day, list);
        for (const r of routes.slice(0, Math.max(0, room))) if (!list.includes(r)) list.push(r);
        return routes.filter((r) => list.includes(r));
      },
    };
    const at = Date.UTC(2026, 11, 1, 12);
    const admission = new RouteAdmission(slow, 10, () => at);
    const maps = await Promise.all(
      Array.from({ length: 50 }, (_, i) => admission.resolve([`/r${i}`]).then((m) => m(`/r${i}`))),
    );
    expect(maps.filter((r) => r !== OTHER_ROUTE)).toHaveLength(10);
    expect(days.get("2026-12-01")).toHaveLength(10);
  });
});
