import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SiteInput } from "@/lib/sites/site-input";
import { createSite, type Site } from "@/lib/sites/sites";
import { evaluateSlos } from "@/lib/slo/evaluate-slos";
import { loadSloReport } from "@/lib/slo/report";
import { activeSlos, createSlo } from "@/lib/slo/slo-store";
import { createChannel, everyMinute, seedRequests } from "../support/slo-seed";

// Sloth's grouping: one spec, one budget and one set of alerts per route. Two busy routes under /api/ and a quiet
// third; a 5xx burst on one of them pages for that route only.
const MINUTE = 60_000;
const tag = randomUUID().slice(0, 8);
const T = new Date("2025-07-01T10:00:00Z");
const at = (minutes: number) => new Date(T.getTime() + minutes * MINUTE);

let site: Site;
let channelId: string;
beforeAll(async () => {
  ({ site } = await createSite(SiteInput.parse({ name: "Grouped", slug: `grouped-${tag}`, allowedOrigins: "" })));
  channelId = await createChannel();
  await createSlo(site.id, {
    id: "api-per-route",
    name: "API per route",
    kind: "availability",
    routePrefix: "/api/",
    groupBy: "route",
    maxGroups: 2,
    objective: 0.999,
    owner: "it",
  });
  await seedRequests(
    [
      ...everyMinute(at(-120), at(20), () => ({ route: "/api/orders", statusClass: 2, count: 100 })),
      ...everyMinute(at(-120), at(20), () => ({ route: "/api/users", statusClass: 2, count: 100 })),
      ...everyMinute(at(-120), at(20), () => ({ route: "/api/rare", statusClass: 2, count: 1 })),
      ...everyMinute(at(10), at(13), () => ({ route: "/api/orders", statusClass: 5, count: 50 })),
      // The quiet route fails too, but it is not among the two busiest: it has no budget of its own.
      ...everyMinute(at(10), at(13), () => ({ route: "/api/rare", statusClass: 5, count: 1 })),
    ],
    site.id,
  );
});

describe("an SLO grouped by route", () => {
  const slos = async () => (await activeSlos(site.id)).filter((s) => s.spec.id === "api-per-route");

  it("pages only for the burning route, naming it in the alert and its notification", async () => {
    expect((await evaluateSlos(site, await slos(), at(9.5))).changes).toEqual([]);
    const r = await evaluateSlos(site, await slos(), at(12.5));
    // Two hours of history: the longer windows burn too, all of them for /api/orders alone.
    expect(new Set(r.changes.map((c) => c.route))).toEqual(new Set(["/api/orders"]));
    expect(r.changes.map((c) => [c.rule, c.change])).toContainEqual(["page-1h", "open"]);
    const alerts = await db.alert.findMany({ where: { siteId: site.id, slo: "api-per-route", rule: "page-1h" } });
    expect(alerts.map((a) => [a.fingerprint, a.state])).toEqual([["api-per-route:page-1h:/api/orders", "firing"]]);
    expect(await db.alert.count({ where: { siteId: site.id, fingerprint: { contains: "/api/users" } } })).toBe(0);
    expect(await db.alert.count({ where: { siteId: site.id, fingerprint: { contains: "/api/rare" } } })).toBe(0);
    expect(alerts[0]!.summary).toContain("API per route · /api/orders");
    const [delivery] = await db.notificationDelivery.findMany({
      where: { channelId, eventKey: `alert:${alerts[0]!.id}:firing` },
    });
    expect(delivery?.payload).toMatchObject({
      title: "[Grouped] [PAGE] API per route · /api/orders: burn rate page-1h",
      data: { route: "/api/orders", slo: "api-per-route", site: site.slug },
    });
  });

  it("reports a budget per route, the busiest two only, the burning one as such", async () => {
    const item = (await loadSloReport(site.id, undefined, at(12.5))).slos.find((s) => s.id === "api-per-route")!;
    expect(item.groups?.map((g) => [g.route, g.status])).toEqual([
      ["/api/orders", "burning"],
      ["/api/users", "ok"],
    ]);
    const orders = item.groups![0]!;
    expect(orders.events.total - orders.events.good).toBe(150);
    expect(item.groups![1]!.events.total - item.groups![1]!.events.good).toBe(0);
  });
});
