import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addChannel } from "@/lib/notify/channels";
import { deliverDueNotifications } from "@/lib/notify/deliver";
import { enqueueNotification } from "@/lib/notify/outbox-repository";
import { VIGIL_SITE_ID } from "@/lib/sites/site-input";
import { DELIVERY_SLO } from "@/lib/slo/delivery-slo";
import { loadSloReport } from "@/lib/slo/report";
import { type Receiver, startReceiver } from "../support/http-receiver";

// Vigil's own notification deliveries feed the custom SLO "notification-deliveries" of its own site: one good event
// per notification delivered, one bad per notification given up, nothing for a retry (not final yet).
const receivers: Receiver[] = [];
const hook = async (status: number) => {
  const r = await startReceiver({ reply: () => ({ status, headers: { "content-type": "text/plain" }, body: "x" }) });
  receivers.push(r);
  return `${r.url}/hook`;
};
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await db.notificationChannel.deleteMany({});
});

// A clock of its own, far from the other files' deliveries in the shared database.
const T = new Date("2031-03-04T05:06:30Z");
const eventsAt = async () =>
  (
    await db.sloEventRollup.findMany({
      where: { siteId: VIGIL_SITE_ID, slo: DELIVERY_SLO, bucketStart: new Date("2031-03-04T05:06:00Z") },
    })
  ).map((r) => [Number(r.good), Number(r.total)]);

describe("the notification-deliveries SLO", () => {
  it("is seeded for Vigil's own site and counts each final delivery outcome", async () => {
    await db.notificationChannel.deleteMany({});
    for (const [name, status] of [
      ["ok", 200],
      ["gone", 410],
      ["flaky", 503],
    ] as const)
      await addChannel({ name, kind: "webhook", url: await hook(status), allowPrivate: true });
    await db.$transaction((tx) =>
      enqueueNotification(tx, {
        key: "it-delivery-slo",
        type: "alert.firing",
        severity: "page",
        title: "Delivery SLO",
        summary: "three channels, three outcomes",
        path: "/admin/alerts",
        at: T.toISOString(),
        data: {},
      }),
    );
    const summary = await deliverDueNotifications({ now: () => T, random: () => 0.5, baseUrl: "https://v.example" });
    expect(summary).toMatchObject({ claimed: 3, delivered: 1, dead: 1, retried: 1 });
    // 200 delivered (good), 410 given up (bad), 503 will be retried (not counted yet).
    expect(await eventsAt()).toEqual([[1, 2]]);

    const item = (await loadSloReport(VIGIL_SITE_ID, undefined, T)).slos.find((s) => s.id === DELIVERY_SLO);
    expect(item).toMatchObject({ kind: "custom", objective: 0.99 });
    expect(item!.events.total).toBeGreaterThanOrEqual(2);
  });
});
