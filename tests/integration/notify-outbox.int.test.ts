import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runJob } from "@/lib/scheduler/run-job";
import { telemetry } from "@/lib/telemetry/registry";
import { DELIVERY_POLICY } from "@/lib/notify/backoff";
import { addChannel, sendTestNotification } from "@/lib/notify/channels";
import { deliverDueNotifications } from "@/lib/notify/deliver";
import type { NotificationEvent } from "@/lib/notify/event";
import { claimDueDeliveries, enqueueNotification, markFailed } from "@/lib/notify/outbox-repository";
import { retryDeadDelivery } from "@/lib/notify/retry-delivery";
import { pruneFinishedDeliveries } from "@/lib/notify/delivery-log-repository";
import { slackMessage } from "@/lib/notify/slack-message";
import { verifySignature } from "@/lib/notify/signature";
import { type Receiver, startReceiver } from "../support/http-receiver";

/** A webhook receiver whose n-th answer (0-based) comes from `answer`; records every request and its reply. */
const receivers: Receiver[] = [];
async function receiver(answer: (n: number) => number = () => 200, delayMs = 0) {
  const statuses: number[] = [];
  const r = await startReceiver({
    reply: (_req, n) => {
      const status = answer(n);
      statuses.push(status);
      return { status, headers: { "content-type": "text/plain" }, body: status < 300 ? "ok" : "nope", delayMs };
    },
  });
  receivers.push(r);
  return {
    url: `${r.url}/hook/s3cr3t-path-token`,
    get hits() {
      return r.received.map((h, i) => ({ headers: h.headers, body: h.text, status: statuses[i]! }));
    },
  };
}
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  // Channels left behind would receive other files' events in the shared database.
  await db.notificationChannel.deleteMany({});
});

const SECRET = "whsec_integration_secret_0123456789";
const webhook = (url: string, name = "Ops webhook") =>
  addChannel({ name, kind: "webhook", url, secret: SECRET, allowPrivate: true }).then((r) => r.channel);
const event = (key: string, over: Partial<NotificationEvent> = {}): NotificationEvent => ({
  key,
  type: "alert.firing",
  severity: "page",
  title: `Alert ${key}`,
  summary: "Burn rate 14.4× over 1 h & 5 min",
  path: "/admin/alerts",
  at: new Date().toISOString(),
  data: { burnRate: 14.4 },
  ...over,
});
const enqueue = (e: NotificationEvent) => db.$transaction((tx) => enqueueNotification(tx, e));
const rowsOf = (channelId: string) =>
  db.notificationDelivery.findMany({ where: { channelId }, orderBy: { id: "asc" } });
const counted = async (kind: string, outcome: string) =>
  (await telemetry().notificationDeliveries.get()).values.find(
    (v) => v.labels.kind === kind && v.labels.outcome === outcome,
  )?.value ?? 0;

/** A clock the tests move by hand; jitter pinned to the middle of the schedule. */
function clock(start = new Date()) {
  let t = start.getTime();
  return { now: () => new Date(t), set: (d: Date) => (t = d.getTime()), add: (ms: number) => (t += ms) };
}
const worker = (c: ReturnType<typeof clock>, extra: Parameters<typeof deliverDueNotifications>[0] = {}) =>
  deliverDueNotifications({ now: c.now, random: () => 0.5, baseUrl: "https://vigil.example.com", ...extra });

beforeEach(async () => {
  await db.notificationChannel.deleteMany({});
});

describe("notification outbox", () => {
  it("a receiver that fails twice gets the notification exactly once, signed, after three attempts", async () => {
    const r = await receiver((n) => (n < 2 ? 500 : 200));
    const channel = await webhook(r.url);
    const before = { delivered: await counted("webhook", "delivered"), retry: await counted("webhook", "retry") };
    expect(await enqueue(event("alert:1:firing"))).toBe(1);
    const c = clock();

    expect(await worker(c)).toEqual({ claimed: 1, delivered: 0, retried: 1, dead: 0 });
    let [row] = await rowsOf(channel.id);
    expect(row).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatus: 500,
      lastError: "HTTP 500: nope",
      lockedUntil: null,
    });
    expect(row!.nextAttemptAt.getTime()).toBe(c.now().getTime() + 30_000);
    // Not due yet: nothing is sent.
    expect(await worker(c)).toEqual({ claimed: 0, delivered: 0, retried: 0, dead: 0 });

    c.add(30_000);
    expect(await worker(c)).toMatchObject({ claimed: 1, retried: 1 });
    [row] = await rowsOf(channel.id);
    expect(row!.nextAttemptAt.getTime()).toBe(c.now().getTime() + 60_000);
    c.add(60_000);
    expect(await worker(c)).toMatchObject({ claimed: 1, delivered: 1 });
    [row] = await rowsOf(channel.id);
    expect(row).toMatchObject({
      status: "delivered",
      attempts: 3,
      lastStatus: 200,
      lastError: null,
      deliveredAt: c.now(),
    });
    const sentAt = Math.floor(c.now().getTime() / 1000);

    // Later runs, however late, send nothing more.
    for (const hours of [1, 24, 24 * 30]) {
      c.add(hours * 3_600_000);
      expect(await worker(c)).toMatchObject({ claimed: 0 });
    }
    expect(r.hits.map((h) => h.status)).toEqual([500, 500, 200]);
    expect(r.hits.filter((h) => h.status < 300)).toHaveLength(1);
    expect(new Set(r.hits.map((h) => h.headers["x-vigil-delivery"]))).toEqual(new Set([`${channel.id}-${row!.id}`]));
    expect(r.hits.map((h) => JSON.parse(h.body).delivery.attempt)).toEqual([1, 2, 3]);
    expect(await counted("webhook", "delivered")).toBe(before.delivered + 1);
    expect(await counted("webhook", "retry")).toBe(before.retry + 2);

    // Each request verifies with the channel's secret at the time it was sent, and fails with another secret.
    const last = r.hits[2]!;
    const nowSeconds = sentAt + 5;
    expect(last.headers["x-vigil-event"]).toBe("alert.firing");
    expect(verifySignature(SECRET, last.body, String(last.headers["x-vigil-signature"]), nowSeconds)).toEqual({
      ok: true,
      timestamp: sentAt,
    });
    expect(
      verifySignature(
        "whsec_another_secret_0123456789",
        last.body,
        String(last.headers["x-vigil-signature"]),
        nowSeconds,
      ),
    ).toEqual({ ok: false, reason: "mismatch" });
    expect(JSON.parse(last.body)).toMatchObject({
      key: "alert:1:firing",
      type: "alert.firing",
      title: "Alert alert:1:firing",
      data: { burnRate: 14.4 },
    });
  });

  it("three workers at once send each of 20 due rows exactly once", async () => {
    const r = await receiver(() => 200, 20);
    const channel = await webhook(r.url);
    for (let i = 0; i < 20; i++) await enqueue(event(`alert:${i}:firing`));
    const c = clock();
    const runs = await Promise.all([
      worker(c, { concurrency: 3 }),
      worker(c, { concurrency: 3 }),
      worker(c, { concurrency: 3 }),
    ]);
    expect(runs.reduce((n, s) => n + s.delivered, 0)).toBe(20);
    expect(runs.reduce((n, s) => n + s.claimed, 0)).toBe(20);
    // They really competed: more than one of them got rows.
    expect(runs.filter((s) => s.claimed > 0).length).toBeGreaterThan(1);
    expect(r.hits).toHaveLength(20);
    expect(new Set(r.hits.map((h) => h.headers["x-vigil-delivery"])).size).toBe(20);
    const rows = await rowsOf(channel.id);
    expect(rows.map((x) => [x.status, x.attempts])).toEqual(rows.map(() => ["delivered", 1]));
    c.add(3_600_000);
    expect(await worker(c)).toMatchObject({ claimed: 0 });
    expect(r.hits).toHaveLength(20);
  });

  it("a receiver that always fails ends dead after the last attempt; Retry queues it again", async () => {
    let healthy = false;
    const r = await receiver(() => (healthy ? 200 : 503));
    const channel = await webhook(r.url);
    await enqueue(event("incident:9:opened", { type: "incident.opened" }));
    const c = clock();
    for (let i = 0; i < DELIVERY_POLICY.maxAttempts; i++) {
      await worker(c);
      const [row] = await rowsOf(channel.id);
      if (row!.status === "dead") break;
      c.set(row!.nextAttemptAt);
    }
    const [dead] = await rowsOf(channel.id);
    expect(dead).toMatchObject({
      status: "dead",
      attempts: DELIVERY_POLICY.maxAttempts,
      lastStatus: 503,
      lastError: "HTTP 503: nope",
    });
    expect(r.hits).toHaveLength(DELIVERY_POLICY.maxAttempts);
    // Simulated time covered the whole schedule: about 3 hours.
    c.add(24 * 3_600_000);
    expect(await worker(c)).toMatchObject({ claimed: 0 });

    healthy = true;
    await retryDeadDelivery(dead!.id, c.now());
    await expect(retryDeadDelivery(dead!.id, c.now())).rejects.toThrow("Only dead deliveries");
    expect(await worker(c)).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await rowsOf(channel.id)).toMatchObject([{ status: "delivered", attempts: 1 }]);
  });

  it("a worker that died mid-send loses nothing: the row is sent again once its lease runs out", async () => {
    const r = await receiver();
    const channel = await webhook(r.url);
    await enqueue(event("alert:2:firing"));
    const c = clock();
    // A worker claims the row and then vanishes without a word.
    const [claimed] = await claimDueDeliveries(c.now(), new Date(c.now().getTime() + DELIVERY_POLICY.leaseMs), 10);
    expect(claimed).toMatchObject({ attempts: 1, channelName: "Ops webhook", kind: "webhook", allowPrivate: true });
    expect(await worker(c)).toMatchObject({ claimed: 0 });
    c.add(DELIVERY_POLICY.leaseMs + 1);
    expect(await worker(c)).toMatchObject({ claimed: 1, delivered: 1 });
    expect(JSON.parse(r.hits[0]!.body).delivery.attempt).toBe(2);
    // The vanished worker's late report cannot undo the delivery.
    expect(await markFailed(claimed!.id, 1, { dead: true, lastStatus: 500, error: "late" })).toBe(false);
    expect(await rowsOf(channel.id)).toMatchObject([{ status: "delivered", attempts: 2, lastStatus: 200 }]);
  });

  it("queues an event once per channel and key, only for channels enabled at the time", async () => {
    const a = await receiver();
    const b = await receiver();
    const off = await receiver();
    const first = await webhook(a.url, "A");
    const disabled = await webhook(off.url, "Off");
    await db.notificationChannel.update({ where: { id: disabled.id }, data: { enabled: false } });
    expect(await enqueue(event("alert:3:firing"))).toBe(1);
    expect(await enqueue(event("alert:3:firing"))).toBe(0);
    // Added after the event: it never gets it.
    const later = await webhook(b.url, "B");
    expect(await enqueue(event("alert:3:firing"))).toBe(1);
    expect(await enqueue(event("alert:3:firing"))).toBe(0);
    expect((await rowsOf(first.id)).map((x) => x.eventKey)).toEqual(["alert:3:firing"]);
    expect(await rowsOf(disabled.id)).toEqual([]);
    expect(await rowsOf(later.id)).toHaveLength(1);
    await db.notificationDelivery.deleteMany({ where: { channelId: later.id } });
    expect(await worker(clock())).toMatchObject({ claimed: 1, delivered: 1 });
    expect([a.hits.length, b.hits.length, off.hits.length]).toEqual([1, 0, 0]);
  });

  it("prunes delivered and dead deliveries past retention, never pending ones", async () => {
    const r = await receiver();
    const channel = await webhook(r.url, "Prune");
    for (const key of ["old:delivered", "old:dead", "old:pending", "new:delivered"]) await enqueue(event(key));
    const old = new Date(Date.now() - 40 * 86_400_000);
    await db.notificationDelivery.updateMany({
      where: { channelId: channel.id, eventKey: { startsWith: "old:" } },
      data: { createdAt: old },
    });
    await db.notificationDelivery.updateMany({
      where: { channelId: channel.id, eventKey: { endsWith: ":delivered" } },
      data: { status: "delivered", deliveredAt: new Date() },
    });
    await db.notificationDelivery.updateMany({
      where: { channelId: channel.id, eventKey: "old:dead" },
      data: { status: "dead" },
    });
    expect(await pruneFinishedDeliveries(new Date(Date.now() - 30 * 86_400_000))).toBe(2);
    expect((await rowsOf(channel.id)).map((x) => x.eventKey).sort()).toEqual(["new:delivered", "old:pending"]);
  });

  it("sends Slack channels a Slack message with a console link, unsigned", async () => {
    const r = await receiver();
    const { channel, generatedSecret } = await addChannel({
      name: "#ops",
      kind: "slack",
      url: r.url,
      allowPrivate: true,
    });
    expect([generatedSecret, channel.signed, channel.maskedUrl]).toEqual([
      null,
      false,
      `${new URL(r.url).origin}/hook/…`,
    ]);
    const e = event("alert:4:firing", { title: "Latency <400 ms> & rising" });
    await enqueue(e);
    const before = await counted("slack", "delivered");
    expect(await worker(clock())).toMatchObject({ delivered: 1 });
    expect(JSON.parse(r.hits[0]!.body)).toEqual(slackMessage(e, "https://vigil.example.com"));
    expect(JSON.parse(r.hits[0]!.body).text).toBe(
      "🔴 Page · Alert firing: Latency &lt;400 ms&gt; &amp; rising <https://vigil.example.com/admin/alerts|Open in Vigil>",
    );
    expect(r.hits[0]!.headers["x-vigil-signature"]).toBeUndefined();
    expect(r.hits[0]!.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(await counted("slack", "delivered")).toBe(before + 1);
  });

  it("gives a 404 three tries, refuses private addresses unless allowed, and stores no URL in errors", async () => {
    const r = await receiver(() => 404);
    const channel = await webhook(r.url);
    const blocked = await addChannel({ name: "Private", kind: "webhook", url: r.url, allowPrivate: false }).then(
      (x) => x.channel,
    );
    await enqueue(event("alert:5:firing"));
    const c = clock();
    for (let i = 0; i < 5; i++) {
      await worker(c);
      c.add(3_600_000);
    }
    expect(await rowsOf(channel.id)).toMatchObject([{ status: "dead", attempts: 3, lastStatus: 404 }]);
    const [refused] = await rowsOf(blocked.id);
    expect(refused).toMatchObject({ status: "dead", attempts: 3, lastStatus: null });
    expect(refused!.lastError).toMatch(/^blocked_address: 127\.0\.0\.1 resolves to a private/);
    expect(refused!.lastError).not.toContain("s3cr3t-path-token");
    expect(r.hits).toHaveLength(3);
  });

  it("Send test queues a test event for that channel only, and the job table's notify-deliver sends it", async () => {
    const a = await receiver();
    const b = await receiver();
    const { channel, generatedSecret } = await addChannel({
      name: "Generated",
      kind: "webhook",
      url: a.url,
      allowPrivate: true,
    });
    expect(generatedSecret).toMatch(/^whsec_/);
    expect(channel).not.toHaveProperty("secret");
    await webhook(b.url, "Other");
    const sent = await sendTestNotification(channel.id);
    expect(sent).toMatchObject({ type: "test", severity: "info" });
    expect(await runJob("notify-deliver", "manual", { force: true })).toMatchObject({
      outcome: "ok",
      detail: { claimed: 1, delivered: 1 },
    });
    expect([a.hits.length, b.hits.length]).toEqual([1, 0]);
    const hit = a.hits[0]!;
    expect(
      verifySignature(
        generatedSecret!,
        hit.body,
        String(hit.headers["x-vigil-signature"]),
        Math.floor(Date.now() / 1000),
      ),
    ).toMatchObject({ ok: true });
    expect(JSON.parse(hit.body)).toMatchObject({ key: sent.key, type: "test" });

    await db.notificationChannel.update({ where: { id: channel.id }, data: { enabled: false } });
    await expect(sendTestNotification(channel.id)).rejects.toThrow("Enable the channel");
    await expect(sendTestNotification("no-such-channel")).rejects.toThrow("no longer exists");
  });
});
