import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addChannel } from "@/lib/notify/channels";
import { deliverDueNotifications } from "@/lib/notify/deliver";
import type { NotificationEvent } from "@/lib/notify/event";
import { enqueueNotification } from "@/lib/notify/outbox-repository";
import { addRoutes, loadRoutes, removeRoute, sendRouteTest } from "@/lib/notify/routes";
import { evaluateSlos } from "@/lib/slo/evaluate-slos";
import { parseSloSpecs, type SloSpecInput } from "@/lib/slo/spec";
import { createSite } from "@/lib/sites/sites";
import { VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import type { Site } from "@/lib/sites/site-repository";
import { type Receiver, startReceiver } from "../support/http-receiver";
import { everyMinute, seedRequests } from "../support/slo-seed";

const MINUTE = 60_000;
const tag = randomUUID().slice(0, 8);
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
const spec = (over: Partial<SloSpecInput> & Pick<SloSpecInput, "id" | "kind">) =>
  parseSloSpecs([{ name: `IT ${over.id}`, owner: "it", objective: 0.999, ...over }])[0]!;

const receivers: Receiver[] = [];
async function hook(name: string) {
  const r = await startReceiver({ reply: { status: 204 } });
  receivers.push(r);
  const { channel } = await addChannel({
    name,
    kind: "webhook",
    url: `${r.url}/hook`,
    secret: "whsec_routes_integration_0123456789",
    allowPrivate: true,
  });
  return {
    id: channel.id,
    /** What this receiver got: event type, severity, site, once per request. */
    got: () =>
      r.received.map((h) => {
        const body = JSON.parse(h.text) as NotificationEvent;
        return { key: body.key, type: body.type, severity: body.severity, site: body.data.site };
      }),
    clear: () => r.received.splice(0),
  };
}
const deliver = () => deliverDueNotifications({ random: () => 0.5, baseUrl: "https://vigil.example.com" });
const event = (key: string, site: string, severity: NotificationEvent["severity"]): NotificationEvent => ({
  key,
  type: "incident.opened",
  severity,
  title: key,
  summary: "",
  at: new Date().toISOString(),
  data: { site },
});

let shop: Site;
let A: Awaited<ReturnType<typeof hook>>;
let B: Awaited<ReturnType<typeof hook>>;
let C: Awaited<ReturnType<typeof hook>>;

beforeAll(async () => {
  await db.notificationChannel.deleteMany({});
  ({ site: shop } = await createSite({ name: "Route Shop", slug: `route-shop-${tag}`, allowedOrigins: [] }));
  A = await hook("Pager A");
  B = await hook("Tickets B");
  C = await hook("Unrouted C");
  expect(await addRoutes({ site: shop.slug, channelId: A.id, severities: ["page"] })).toBe(1);
  expect(await addRoutes({ site: shop.slug, channelId: B.id, severities: ["ticket"] })).toBe(1);
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await db.notificationChannel.deleteMany({});
});

describe("routing by site and severity", () => {
  it("an SLO page goes to A only and a ticket to B only, exactly once each", async () => {
    const T = new Date("2025-07-01T10:00:00Z");
    const prefix = `/it-route/${tag}/p/`;
    const burning = spec({ id: `it-route-page-${tag}`, kind: "availability", routePrefix: prefix });
    const quiet = spec({
      id: `it-route-absent-${tag}`,
      kind: "availability",
      routes: [`/it-route/${tag}/absent`],
      alerting: { minEvents: 100, absentMinutes: 60 },
    });
    await seedRequests(
      [
        // A 5xx burst from 10:10 fires the 1 h page (as in slo-evaluation.int.test.ts).
        ...everyMinute(at(T, -2 * 24 * 60), at(T, 40), () => ({ route: `${prefix}x`, statusClass: 2, count: 100 })),
        ...everyMinute(at(T, 10), at(T, 13), () => ({ route: `${prefix}x`, statusClass: 5, count: 50 })),
        // Traffic that stops at 09:10: at 10:12 the data has been absent for over an hour, a ticket.
        ...everyMinute(at(T, -120), at(T, -50), () => ({
          route: `/it-route/${tag}/absent`,
          statusClass: 2,
          count: 5,
        })),
      ],
      shop.id,
    );
    const r = await evaluateSlos(shop, [burning, quiet], at(T, 12.5));
    expect(r.changes.map((c) => [c.slo, c.rule, c.change])).toEqual([
      [burning.id, "page-1h", "open"],
      [quiet.id, "absent", "open"],
    ]);
    const [page, ticket] = r.changes.map((c) => c.alertId);

    expect(await deliver()).toMatchObject({ claimed: 2, delivered: 2, retried: 0, dead: 0 });
    // Evaluating again and running the worker again changes nothing: one request each.
    expect((await evaluateSlos(shop, [burning, quiet], at(T, 13))).changes).toEqual([]);
    expect(await deliver()).toMatchObject({ claimed: 0 });
    expect(A.got()).toEqual([{ key: `alert:${page}:firing`, type: "alert.firing", severity: "page", site: shop.slug }]);
    expect(B.got()).toEqual([
      { key: `alert:${ticket}:firing`, type: "alert.firing", severity: "ticket", site: shop.slug },
    ]);
    expect(C.got()).toEqual([]);
  });

  it("a site with routes sends a severity it does not route nowhere; a site without routes falls back to every channel", async () => {
    for (const r of [A, B, C]) r.clear();
    const queued = await db.$transaction(async (tx) => [
      await enqueueNotification(tx, event(`it:${tag}:shop-budget`, shop.slug, "budget")),
      await enqueueNotification(tx, event(`it:${tag}:vigil-page`, VIGIL_SITE_SLUG, "page")),
      await enqueueNotification(tx, event(`it:${tag}:unknown`, `nope-${tag}`, "ticket")),
    ]);
    expect(queued).toEqual([0, 3, 3]);
    await deliver();
    // Sent concurrently: order is not part of the contract.
    for (const r of [A, B, C])
      expect(
        r
          .got()
          .map((g) => g.key)
          .sort(),
      ).toEqual([`it:${tag}:unknown`, `it:${tag}:vigil-page`]);
  });

  it("a disabled routed channel gets nothing, and the other routes still apply", async () => {
    await db.notificationChannel.update({ where: { id: A.id }, data: { enabled: false } });
    try {
      const n = await db.$transaction((tx) => enqueueNotification(tx, event(`it:${tag}:off`, shop.slug, "page")));
      expect(n).toBe(0);
    } finally {
      await db.notificationChannel.update({ where: { id: A.id }, data: { enabled: true } });
    }
  });

  it("Send test goes through the route's channel only, naming the site and severity", async () => {
    for (const r of [A, B, C]) r.clear();
    const sent = await sendRouteTest({ site: shop.slug, severity: "ticket", channelId: B.id });
    expect(sent).toMatchObject({ type: "test", severity: "ticket", data: { site: shop.slug } });
    expect(sent.title).toContain("Route Shop");
    await deliver();
    expect(B.got()).toEqual([{ key: sent.key, type: "test", severity: "ticket", site: shop.slug }]);
    expect([...A.got(), ...C.got()]).toEqual([]);
    // No such route: refused, nothing queued.
    await expect(sendRouteTest({ site: shop.slug, severity: "page", channelId: B.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("lists, keeps duplicates out, and removes routes; without any the site falls back again", async () => {
    expect(await addRoutes({ site: shop.slug, channelId: A.id, severities: ["page", "budget"] })).toBe(1);
    expect((await loadRoutes(shop.id)).map((r) => [r.severity, r.channelName])).toEqual([
      ["page", "Pager A"],
      ["ticket", "Tickets B"],
      ["budget", "Pager A"],
    ]);
    await expect(addRoutes({ site: shop.slug, channelId: "nope", severities: ["page"] })).rejects.toMatchObject({
      code: "not_found",
    });
    for (const [severity, channelId] of [
      ["page", A.id],
      ["ticket", B.id],
      ["budget", A.id],
    ] as const)
      await removeRoute({ site: shop.slug, severity, channelId });
    await expect(removeRoute({ site: shop.slug, severity: "page", channelId: A.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await loadRoutes(shop.id)).toEqual([]);
    const n = await db.$transaction((tx) => enqueueNotification(tx, event(`it:${tag}:after`, shop.slug, "ticket")));
    expect(n).toBe(3);
  });
});
