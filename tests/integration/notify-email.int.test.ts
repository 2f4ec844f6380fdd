import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DELIVERY_POLICY } from "@/lib/notify/backoff";
import { addChannel, listChannelViews } from "@/lib/notify/channels";
import { deliverDueNotifications } from "@/lib/notify/deliver";
import type { NotificationEvent } from "@/lib/notify/event";
import { enqueueNotification } from "@/lib/notify/outbox-repository";
import { evaluateSlos } from "@/lib/slo/evaluate-slos";
import { parseSloSpecs } from "@/lib/slo/spec";
import { createSite } from "@/lib/sites/sites";
import { everyMinute, seedRequests } from "../support/slo-seed";
import { type SmtpReceiver, startSmtpReceiver } from "../support/smtp-receiver";

const MINUTE = 60_000;
const tag = randomUUID().slice(0, 8);
const receivers: SmtpReceiver[] = [];
async function smtp(answer?: Parameters<typeof startSmtpReceiver>[0]) {
  const r = await startSmtpReceiver(answer);
  receivers.push(r);
  return r;
}
const emailChannel = (r: SmtpReceiver, over: { allowPrivate?: boolean; url?: string } = {}) =>
  addChannel({
    name: "Ops mail",
    kind: "email",
    url: over.url ?? r.url,
    allowPrivate: over.allowPrivate ?? true,
    emailFrom: "vigil@example.com",
    emailTo: ["oncall@example.com", "lead@example.com"],
  }).then((c) => c.channel);

function clock(start = new Date()) {
  let t = start.getTime();
  return { now: () => new Date(t), add: (ms: number) => (t += ms) };
}
const worker = (c: ReturnType<typeof clock>) =>
  deliverDueNotifications({ now: c.now, random: () => 0.5, baseUrl: "https://vigil.example.com" });
const event = (key: string): NotificationEvent => ({
  key,
  type: "alert.firing",
  severity: "page",
  title: `Checkout ${key}`,
  summary: "Burn rate 14.4×",
  path: "/admin/alerts",
  at: new Date().toISOString(),
  data: { site: "vigil" },
});
const enqueue = (e: NotificationEvent) => db.$transaction((tx) => enqueueNotification(tx, e));
const rowsOf = (channelId: string) =>
  db.notificationDelivery.findMany({ where: { channelId }, orderBy: { id: "asc" } });

beforeEach(async () => {
  await db.notificationChannel.deleteMany({});
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await db.notificationChannel.deleteMany({});
});

describe("email channel over SMTP", () => {
  it("a firing SLO alert reaches the SMTP receiver exactly once, with subject, sender, recipients and link", async () => {
    const r = await smtp();
    const channel = await emailChannel(r);
    const { site } = await createSite({ name: "Mail Shop", slug: `mail-shop-${tag}`, allowedOrigins: [] });
    const T = new Date("2025-08-01T10:00:00Z");
    const route = `/it-mail/${tag}`;
    const [s] = parseSloSpecs([
      {
        id: `it-mail-${tag}`,
        name: "Checkout availability",
        owner: "it",
        objective: 0.999,
        kind: "availability",
        routes: [route],
        alerting: { minEvents: 100, absentMinutes: 60 },
      },
    ]);
    await seedRequests(
      everyMinute(new Date(T.getTime() - 120 * MINUTE), T, () => ({ route, statusClass: 2, count: 5 })),
      site.id,
    );
    const { changes } = await evaluateSlos(site, [s!], new Date(T.getTime() + 61 * MINUTE));
    expect(changes.map((c) => [c.rule, c.change])).toEqual([["absent", "open"]]);

    const c = clock();
    expect(await worker(c)).toMatchObject({ claimed: 1, delivered: 1 });
    c.add(3_600_000);
    expect(await worker(c)).toMatchObject({ claimed: 0 });
    expect(r.mails).toHaveLength(1);
    const [mail] = r.mails;
    const [row] = await rowsOf(channel.id);
    expect(row).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 250 });
    expect(mail!.from).toBe("vigil@example.com");
    expect(mail!.to).toEqual(["oncall@example.com", "lead@example.com"]);
    expect(mail!.headers.subject).toBe(
      "[Vigil] TICKET · Alert firing: [Mail Shop] [TICKET] Checkout availability: no data",
    );
    expect(mail!.headers["x-vigil-delivery"]).toBe(`${channel.id}-${row!.id}`);
    expect(mail!.headers["x-vigil-event"]).toBe("alert.firing");
    expect(mail!.headers["content-type"]).toMatch(/^multipart\/alternative/);
    expect(mail!.decoded).toContain(`Open in Vigil: https://vigil.example.com/admin/alerts?site=${site.slug}\n`);
    expect(mail!.decoded).toContain(`<a href="https://vigil.example.com/admin/alerts?site=${site.slug}">`);
    expect(mail!.decoded).toContain("  figures.absentMinutes: 60\n");
  });

  it("a 4xx answer is retried on the backoff schedule and the mail then arrives once", async () => {
    const r = await smtp((n) => (n < 2 ? { code: 451, message: "4.3.0 Try again later" } : null));
    const channel = await emailChannel(r);
    expect(await enqueue(event(`mail:${tag}:busy`))).toBe(1);
    const c = clock();
    expect(await worker(c)).toMatchObject({ claimed: 1, retried: 1 });
    let [row] = await rowsOf(channel.id);
    expect(row).toMatchObject({ status: "pending", lastStatus: 451 });
    expect(row!.lastError).toMatch(/^SMTP 451: .*Try again later/);
    expect(row!.nextAttemptAt.getTime()).toBe(c.now().getTime() + 30_000);
    c.add(30_000);
    expect(await worker(c)).toMatchObject({ claimed: 1, retried: 1 });
    c.add(60_000);
    expect(await worker(c)).toMatchObject({ claimed: 1, delivered: 1 });
    [row] = await rowsOf(channel.id);
    expect(row).toMatchObject({ status: "delivered", attempts: 3, lastStatus: 250 });
    expect(r.tries).toBe(3);
    expect(r.mails).toHaveLength(1);
  });

  it("a 5xx answer gets a few tries, then the delivery is dead with the server's words", async () => {
    const r = await smtp(() => ({ code: 550, message: "5.1.1 Mailbox unavailable" }));
    const channel = await emailChannel(r);
    await enqueue(event(`mail:${tag}:refused`));
    const c = clock();
    for (let i = 0; i < DELIVERY_POLICY.maxPermanentAttempts; i++) {
      await worker(c);
      c.add(3_600_000);
    }
    const [row] = await rowsOf(channel.id);
    expect(row).toMatchObject({ status: "dead", attempts: DELIVERY_POLICY.maxPermanentAttempts, lastStatus: 550 });
    expect(row!.lastError).toMatch(/^SMTP 550: .*Mailbox unavailable/);
    expect(r.mails).toEqual([]);
  });

  it("refuses a private SMTP host unless the channel allows private addresses, and never shows the password", async () => {
    const r = await smtp();
    const channel = await emailChannel(r, { allowPrivate: false });
    await enqueue(event(`mail:${tag}:private`));
    await worker(clock());
    const [row] = await rowsOf(channel.id);
    expect(row!.lastError).toMatch(/^blocked_address: 127\.0\.0\.1 resolves to a private/);
    expect(r.tries).toBe(0);

    const withPassword = await emailChannel(r, { url: `smtp://alerts:s3cr3t-pass@127.0.0.1:${r.port}` });
    const stored = await db.notificationChannel.findUniqueOrThrow({ where: { id: withPassword.id } });
    expect(stored).toMatchObject({ url: `smtp://alerts@127.0.0.1:${r.port}`, secret: "s3cr3t-pass" });
    const views = JSON.stringify(await listChannelViews());
    expect(views).not.toContain("s3cr3t-pass");
    expect(views).toContain(`smtp://127.0.0.1:${r.port}`);
  });
});
