import { describe, expect, it, vi } from "vitest";
import { VitalsBeacon as ServerBeacon } from "@/lib/vitals/beacon-schema";
import { cleanRoute, createVitalsQueue, isSampled, toBeaconMetric, type VitalsQueueOptions } from "./queue.js";
import type { ReportedMetric, VitalsBeacon } from "./types.js";

function setup(over: Partial<VitalsQueueOptions> = {}) {
  const sent: VitalsBeacon[] = [];
  const queue = createVitalsQueue({
    pageViewId: "pv_0123456789abcdef",
    route: "/blog/[slug]",
    sampled: true,
    transport: (json) => sent.push(JSON.parse(json) as VitalsBeacon),
    context: () => ({ connection: "4g", device: "mobile" }),
    ...over,
  });
  return { queue, sent };
}

const metric = (over: Partial<ReportedMetric> = {}): ReportedMetric => ({
  name: "LCP",
  value: 1234.56,
  id: "v6-1-1",
  navigationType: "navigate",
  ...over,
});

describe("vitals queue", () => {
  it("sends one beacon in the v1 wire format, accepted by the server schema, and clears the queue", () => {
    const { queue, sent } = setup();
    queue.add(metric({ attribution: { target: "main>img.hero", type: "image" } }));
    queue.add(metric({ name: "CLS", value: 0.123456, id: "v6-1-2" }));
    queue.flush();
    expect(sent).toEqual([
      {
        v: 1,
        pageViewId: "pv_0123456789abcdef",
        route: "/blog/[slug]",
        navigationType: "navigate",
        connection: "4g",
        device: "mobile",
        metrics: [
          { name: "LCP", value: 1234.6, id: "v6-1-1", attribution: { target: "main>img.hero", type: "image" } },
          { name: "CLS", value: 0.1235, id: "v6-1-2" },
        ],
      },
    ]);
    const parsed = ServerBeacon.safeParse(sent[0]);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(queue.size).toBe(0);
    queue.flush();
    expect(sent).toHaveLength(1);
  });

  it("keeps only the latest value of one metric id", () => {
    const { queue, sent } = setup();
    queue.add(metric({ name: "CLS", value: 0.01, id: "cls-1" }));
    queue.add(metric({ name: "INP", value: 80, id: "inp-1" }));
    queue.add(metric({ name: "CLS", value: 0.25, id: "cls-1" }));
    expect(queue.size).toBe(2);
    queue.flush();
    expect(sent[0]?.metrics.map((m) => [m.id, m.value])).toEqual([
      ["cls-1", 0.25],
      ["inp-1", 80],
    ]);
  });

  it("a later report of the same id after a flush is sent again", () => {
    const { queue, sent } = setup();
    queue.add(metric({ name: "CLS", value: 0.01, id: "cls-1" }));
    queue.flush();
    queue.add(metric({ name: "CLS", value: 0.02, id: "cls-1" }));
    queue.flush();
    expect(sent.map((b) => b.metrics[0]?.value)).toEqual([0.01, 0.02]);
  });

  it("splits more than 50 metrics into beacons of at most 50", () => {
    const { queue, sent } = setup();
    for (let i = 0; i < 120; i++) queue.add(metric({ id: `id-${i}` }));
    queue.flush();
    expect(sent.map((b) => b.metrics.length)).toEqual([50, 50, 20]);
    expect(sent.flatMap((b) => b.metrics.map((m) => m.id))).toEqual(Array.from({ length: 120 }, (_, i) => `id-${i}`));
    for (const b of sent) expect(ServerBeacon.safeParse(b).success).toBe(true);
  });

  it("soft-navigation metrics carry the route current at report time, in a beacon of their own type", () => {
    const { queue, sent } = setup();
    queue.add(metric({ id: "hard" }));
    queue.setRoute("/shop/[category]");
    queue.add(metric({ id: "soft", navigationType: "soft-navigation" }));
    queue.setRoute("/about");
    queue.flush();
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ route: "/blog/[slug]", navigationType: "navigate", metrics: [{ id: "hard" }] });
    expect(sent[0]?.metrics[0]).not.toHaveProperty("route");
    expect(sent[1]).toMatchObject({
      route: "/blog/[slug]",
      navigationType: "soft-navigation",
      metrics: [{ id: "soft", route: "/shop/[category]" }],
    });
  });

  it("a soft-nav metric finalised after the next navigation keeps the template of its own URL", () => {
    const { queue, sent } = setup();
    queue.setRoute("/shop/[category]", "/shop/shoes");
    queue.setRoute("/about", "/about");
    queue.add(metric({ navigationType: "soft-navigation", navigationURL: "https://example.com/shop/shoes?x=1" }));
    queue.add(
      metric({ id: "unknown-url", navigationType: "soft-navigation", navigationURL: "https://example.com/elsewhere" }),
    );
    queue.flush();
    expect(sent[0]?.metrics.map((m) => m.route)).toEqual(["/shop/[category]", "/about"]);
  });

  it("bfcache restores are attributed to the current route", () => {
    const { queue, sent } = setup();
    queue.setRoute("/about");
    queue.add(metric({ navigationType: "back-forward-cache" }));
    queue.flush();
    expect(sent[0]).toMatchObject({ navigationType: "back-forward-cache", metrics: [{ route: "/about" }] });
  });

  it("drops the synthetic zero TTFB of soft navigations and bfcache restores", () => {
    const { queue, sent } = setup();
    queue.add(metric({ name: "TTFB", value: 0, id: "soft", navigationType: "soft-navigation" }));
    queue.add(metric({ name: "TTFB", value: 0, id: "bfcache", navigationType: "back-forward-cache" }));
    queue.add(metric({ name: "TTFB", value: 95, id: "hard" }));
    queue.flush();
    expect(sent.flatMap((b) => b.metrics.map((m) => m.id))).toEqual(["hard"]);
  });

  it("sends nothing when the page view is not sampled", () => {
    const transport = vi.fn();
    const { queue } = setup({ sampled: false, transport });
    queue.add(metric());
    queue.flush();
    expect(transport).not.toHaveBeenCalled();
    expect(isSampled(0, () => 0)).toBe(false);
    expect(isSampled(1, () => 0.999999)).toBe(true);
    expect(isSampled(0.25, () => 0.2)).toBe(true);
    expect(isSampled(0.25, () => 0.3)).toBe(false);
  });

  it("beforeSend can edit or drop a beacon, and a throwing beforeSend is contained", () => {
    const edit = setup({
      beforeSend: (b) => ({ ...b, metrics: b.metrics.map((m) => ({ ...m, attribution: undefined })) }),
    });
    edit.queue.add(metric({ attribution: { target: "#secret-user-name" } }));
    edit.queue.flush();
    expect(edit.sent[0]?.metrics[0]).not.toHaveProperty("attribution");

    const drop = setup({ beforeSend: () => null });
    drop.queue.add(metric());
    drop.queue.flush();
    expect(drop.sent).toEqual([]);

    const emptied = setup({ beforeSend: (b) => ({ ...b, metrics: [] }) });
    emptied.queue.add(metric());
    emptied.queue.flush();
    expect(emptied.sent).toEqual([]);

    const boom = setup({
      beforeSend: () => {
        throw new Error("boom");
      },
    });
    boom.queue.add(metric());
    expect(() => boom.queue.flush()).not.toThrow();
    expect(boom.queue.size).toBe(0);
  });

  it("contains transport and context failures", () => {
    const { queue } = setup({
      transport: () => {
        throw new Error("offline");
      },
      context: () => {
        throw new Error("no navigator");
      },
    });
    queue.add(metric());
    expect(() => queue.flush()).not.toThrow();
  });

  it("puts the site key in every beacon, accepted by the server schema; a malformed key is refused there", () => {
    const site = "pk_0123456789abcdefghijABCD";
    const { queue, sent } = setup({ site });
    for (let i = 0; i < 60; i++) queue.add(metric({ id: `id-${i}` }));
    queue.add(metric({ id: "soft", navigationType: "soft-navigation" }));
    queue.flush();
    expect(sent).toHaveLength(3);
    for (const b of sent) {
      expect(b.site).toBe(site);
      const parsed = ServerBeacon.safeParse(b);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(parsed.data?.site).toBe(site);
    }
    for (const bad of ["pk_short", "sk_0123456789abcdefghijABCD", "pk_0123456789abcdefghijABC!", ""]) {
      expect(ServerBeacon.safeParse({ ...sent[0], site: bad }).success, bad).toBe(false);
    }
  });

  it("omits environment hints that are unknown", () => {
    const { queue, sent } = setup({ context: undefined });
    queue.add(metric({ navigationType: undefined }));
    queue.flush();
    expect(Object.keys(sent[0] ?? {}).sort()).toEqual(["metrics", "pageViewId", "route", "v"]);
  });
});

describe("toBeaconMetric", () => {
  it("rounds ms metrics to 0.1 ms and CLS to 4 decimals, clamping negatives to 0", () => {
    expect(toBeaconMetric(metric({ value: 1234.5678 }))?.value).toBe(1234.6);
    expect(toBeaconMetric(metric({ name: "TTFB", value: -3.2 }))?.value).toBe(0);
    expect(toBeaconMetric(metric({ name: "CLS", value: 0.000049 }))?.value).toBe(0);
    expect(toBeaconMetric(metric({ name: "CLS", value: 1.23456 }))?.value).toBe(1.2346);
    expect(toBeaconMetric(metric({ name: "CLS", value: -1e-9 }))?.value).toBe(0);
  });

  it("drops values the server would refuse instead of poisoning the beacon", () => {
    expect(toBeaconMetric(metric({ value: Number.NaN }))).toBeNull();
    expect(toBeaconMetric(metric({ value: Number.POSITIVE_INFINITY }))).toBeNull();
    expect(toBeaconMetric(metric({ value: 600_000.04 }))?.value).toBe(600_000);
    expect(toBeaconMetric(metric({ value: 600_001 }))).toBeNull();
    expect(toBeaconMetric(metric({ name: "CLS", value: 101 }))).toBeNull();
  });

  it("truncates attribution target to 256 and type to 64 characters, and drops empty attribution", () => {
    const m = toBeaconMetric(metric({ attribution: { target: "x".repeat(300), type: "y".repeat(100) } }));
    expect(m?.attribution?.target).toHaveLength(256);
    expect(m?.attribution?.type).toHaveLength(64);
    expect(toBeaconMetric(metric({ attribution: { target: "", type: undefined } }))).not.toHaveProperty("attribution");
    expect(toBeaconMetric(metric({ attribution: { type: "keyboard" } }))?.attribution).toEqual({ type: "keyboard" });
  });

  it("caps ids at the 64 characters the server accepts", () => {
    expect(toBeaconMetric(metric({ id: "i".repeat(80) }))?.id).toHaveLength(64);
  });
});

describe("cleanRoute", () => {
  it("produces a path template the server accepts", () => {
    expect(cleanRoute("/blog/[slug]")).toBe("/blog/[slug]");
    expect(cleanRoute("blog?x=1#top")).toBe("/blog");
    expect(cleanRoute("/a b")).toBe("/a%20b");
    expect(cleanRoute(`/${"a".repeat(300)}`)).toHaveLength(200);
    expect(cleanRoute("")).toBe("/");
  });
});
