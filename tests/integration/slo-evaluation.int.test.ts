import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { evaluateSlos } from "@/lib/slo/evaluate-slos";
import { loadSloReport } from "@/lib/slo/report";
import { addSloEvents } from "@/lib/slo/slo-event-repository";
import { parseSloSpecs, type SloSpecInput } from "@/lib/slo/spec";
import { VIGIL_SITE_ID, VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { telemetry } from "@/lib/telemetry/registry";
import { createChannel, everyMinute, minutesOf, seedRequests } from "../support/slo-seed";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const tag = randomUUID().slice(0, 8);
const spec = (over: Partial<SloSpecInput> & Pick<SloSpecInput, "id" | "kind">) =>
  parseSloSpecs([{ name: `IT ${over.id}`, owner: "it", objective: 0.999, ...over }])[0]!;
const at = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);
// Vigil's own site: its alerts notify under the plain title and link to /admin/alerts.
const VIGIL = { id: VIGIL_SITE_ID, slug: VIGIL_SITE_SLUG, name: "Vigil" };
const alertsOf = (slo: string) => db.alert.findMany({ where: { slo }, orderBy: { id: "asc" } });
const deliveriesOf = (channelId: string, alertIds: bigint[]) =>
  db.notificationDelivery.findMany({
    where: { channelId, eventKey: { in: alertIds.flatMap((id) => [`alert:${id}:firing`, `alert:${id}:resolved`]) } },
    orderBy: { id: "asc" },
  });

let channelId: string;
beforeAll(async () => {
  channelId = await createChannel();
});

describe("burn-rate alert from request rollups: a known 5xx burst pages once, then resolves once", () => {
  // Two days of 100 good requests a minute, then 50 5xx a minute for three minutes from 10:10.
  const T = new Date("2025-06-02T10:00:00Z");
  const prefix = `/it-slo/${tag}/`;
  const route = `${prefix}items`;
  const s = spec({ id: `it-avail-${tag}`, kind: "availability", routePrefix: prefix });

  beforeAll(async () => {
    await seedRequests([
      ...everyMinute(new Date(T.getTime() - 2 * DAY), at(T, 40), () => ({ route, statusClass: 2, count: 100 })),
      ...everyMinute(at(T, 10), at(T, 13), () => ({ route, statusClass: 5, count: 50 })),
      // Not selected: static assets under no prefix, and another prefix, both failing.
      ...everyMinute(at(T, 10), at(T, 13), () => ({ route: "/_next/static", statusClass: 5, count: 500 })),
      ...everyMinute(at(T, 10), at(T, 13), () => ({ route: `/other/${tag}`, statusClass: 5, count: 500 })),
    ]);
  });

  it("stays quiet before the burst", async () => {
    const r = await evaluateSlos(VIGIL, [s], new Date("2025-06-02T10:09:30Z"));
    expect(r.changes).toEqual([]);
    expect(await alertsOf(s.id)).toEqual([]);
  });

  it("fires exactly the 1 h page at the first evaluation that sees it, with the figures, and queues its notification", async () => {
    const now = new Date("2025-06-02T10:12:30Z");
    const r = await evaluateSlos(VIGIL, [s], now);
    expect(r.changes).toEqual([
      { site: VIGIL_SITE_SLUG, slo: s.id, rule: "page-1h", change: "open", alertId: expect.any(String) },
    ]);
    const [alert, ...others] = await alertsOf(s.id);
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      siteId: VIGIL_SITE_ID,
      fingerprint: `${s.id}:page-1h`,
      rule: "page-1h",
      severity: "page",
      state: "firing",
      startedAt: now,
      firedAt: now,
      resolvedAt: null,
    });
    // Hand-computed: 1 h = 09:13–10:13 holds 6000 good + 150 bad; 5 m = 10:08–10:13 holds 500 good + 150 bad.
    const fired = (alert!.figures as { fired: Record<string, unknown> }).fired;
    expect(fired).toMatchObject({
      rule: "page-1h",
      factor: 14.4,
      longMinutes: 60,
      shortMinutes: 5,
      long: { good: 6000, total: 6150 },
      short: { good: 500, total: 650 },
      minEvents: 100,
    });
    expect(fired.longBurn).toBeCloseTo(150 / 6150 / 0.001, 6);
    expect(fired.shortBurn).toBeCloseTo(150 / 650 / 0.001, 6);
    expect(alert!.summary).toBe(
      `IT ${s.id}: error budget burning 24.4× over 1h and 230.8× over 5m (alert above 14.4×; 150 of 6,150 events bad in 1h; objective 99.9%).`,
    );
    // The 6 h window (36 000 good + 150 bad: burn 4.15) stays under 6; one page, no tickets.
    const report = await loadSloReport(VIGIL_SITE_ID, [s], now);
    expect(report.slos[0]!.burnRates.map((b) => [b.rule, b.holds])).toEqual([
      ["page-1h", true],
      ["page-6h", false],
      ["ticket-1d", false],
      ["ticket-3d", false],
    ]);
    expect(report.slos[0]!.burnRates[1]!.longBurn).toBeCloseTo(150 / 36_150 / 0.001, 6);
    expect(report.slos[0]!.status).toBe("burning");
    expect(report.slos[0]!.openAlerts).toEqual([
      expect.objectContaining({ id: String(alert!.id), rule: "page-1h", state: "firing" }),
    ]);

    const deliveries = await deliveriesOf(channelId, [alert!.id]);
    expect(deliveries.map((d) => [d.eventKey, d.eventType, d.status])).toEqual([
      [`alert:${alert!.id}:firing`, "alert.firing", "pending"],
    ]);
    expect(deliveries[0]!.payload).toMatchObject({
      type: "alert.firing",
      severity: "page",
      title: `[PAGE] IT ${s.id}: burn rate page-1h`,
      path: "/admin/alerts",
      data: { site: VIGIL_SITE_SLUG, slo: s.id, rule: "page-1h" },
    });
    expect((await telemetry().alertsOpen.get()).values).toContainEqual({
      labels: { site: VIGIL_SITE_SLUG, slo: s.id, severity: "page", state: "firing" },
      value: 1,
    });
  });

  it("is idempotent within the minute and keeps the first figures while it holds", async () => {
    expect((await evaluateSlos(VIGIL, [s], new Date("2025-06-02T10:12:30Z"))).changes).toEqual([]);
    expect((await evaluateSlos(VIGIL, [s], new Date("2025-06-02T10:15:30Z"))).changes).toEqual([]);
    const [alert, ...others] = await alertsOf(s.id);
    expect(others).toEqual([]);
    expect(alert!.lastEvalAt).toEqual(new Date("2025-06-02T10:15:30Z"));
    const figures = alert!.figures as { fired: { short: unknown }; latest: { short: unknown } };
    expect(figures.fired.short).toEqual({ good: 500, total: 650 });
    // 10:11–10:16: the burst's first minute has left the short window.
    expect(figures.latest.short).toEqual({ good: 500, total: 600 });
    expect(await deliveriesOf(channelId, [alert!.id])).toHaveLength(1);
  });

  it("resolves once the short window is clean again, exactly once, with its notification", async () => {
    const now = new Date("2025-06-02T10:20:30Z");
    const r = await evaluateSlos(VIGIL, [s], now);
    expect(r.changes).toEqual([
      { site: VIGIL_SITE_SLUG, slo: s.id, rule: "page-1h", change: "resolve", alertId: expect.any(String) },
    ]);
    expect((await evaluateSlos(VIGIL, [s], now)).changes).toEqual([]);
    expect((await evaluateSlos(VIGIL, [s], at(now, 1))).changes).toEqual([]);
    const alerts = await alertsOf(s.id);
    expect(alerts.map((a) => [a.rule, a.state, a.resolvedAt])).toEqual([["page-1h", "resolved", now]]);
    const deliveries = await deliveriesOf(channelId, [alerts[0]!.id]);
    expect(deliveries.map((d) => d.eventKey)).toEqual([
      `alert:${alerts[0]!.id}:firing`,
      `alert:${alerts[0]!.id}:resolved`,
    ]);
    expect(deliveries[1]!.payload).toMatchObject({
      type: "alert.resolved",
      title: `[RESOLVED] IT ${s.id}: burn rate page-1h`,
    });
    expect((await loadSloReport(VIGIL_SITE_ID, [s], now)).slos[0]!.status).toBe("ok");
  });

  it("never opens two alerts for one rule, even when two evaluators race", async () => {
    const race = spec({ id: `it-race-${tag}`, kind: "availability", routePrefix: prefix });
    const now = new Date("2025-06-02T10:12:30Z");
    const results = await Promise.all([
      evaluateSlos(VIGIL, [race], now),
      evaluateSlos(VIGIL, [race], now),
      evaluateSlos(VIGIL, [race], now),
    ]);
    expect(results.flatMap((r) => r.changes).map((c) => c.change)).toEqual(["open"]);
    const alerts = await alertsOf(race.id);
    expect(alerts).toHaveLength(1);
    expect(await deliveriesOf(channelId, [alerts[0]!.id])).toHaveLength(1);
  });
});

describe("minimum-traffic guard", () => {
  const T = new Date("2025-06-03T10:00:00Z");
  const route = `/it-slo/${tag}/quiet`;

  it("does not page on a handful of failures, and pages once the guard allows that little traffic", async () => {
    // 10 requests a minute for an hour, half of them failing for the last 5 minutes: 50 % errors, 600 events.
    await seedRequests([
      ...everyMinute(T, at(T, 60), () => ({ route, statusClass: 2, count: 10 })),
      ...everyMinute(at(T, 55), at(T, 60), () => ({ route, statusClass: 5, count: 10 })),
    ]);
    const now = at(T, 59.5);
    const guarded = spec({
      id: `it-guard-${tag}`,
      kind: "availability",
      routes: [route],
      alerting: { minEvents: 1000, absentMinutes: 0 },
    });
    expect((await evaluateSlos(VIGIL, [guarded], now)).changes).toEqual([]);
    const report = await loadSloReport(VIGIL_SITE_ID, [guarded], now);
    expect(report.slos[0]!.burnRates[0]).toMatchObject({
      rule: "page-1h",
      holds: false,
      reason: "low-traffic",
      longEvents: 650,
    });
    const allowed = spec({
      id: `it-unguarded-${tag}`,
      kind: "availability",
      routes: [route],
      alerting: { minEvents: 500, absentMinutes: 0 },
    });
    // With only this hour of traffic every window sees the same 50 % burst: both pages fire, both tickets go pending.
    expect((await evaluateSlos(VIGIL, [allowed], now)).changes.map((c) => [c.rule, c.change])).toEqual([
      ["page-1h", "open"],
      ["page-6h", "open"],
      ["ticket-1d", "open"],
      ["ticket-3d", "open"],
    ]);
    expect((await alertsOf(allowed.id)).map((a) => [a.rule, a.state])).toEqual([
      ["page-1h", "firing"],
      ["page-6h", "firing"],
      ["ticket-1d", "pending"],
      ["ticket-3d", "pending"],
    ]);
  });
});

describe("absent data", () => {
  const T = new Date("2025-06-04T10:00:00Z");
  const route = `/it-slo/${tag}/absent`;
  const s = spec({
    id: `it-absent-${tag}`,
    kind: "availability",
    routes: [route],
    alerting: { minEvents: 100, absentMinutes: 60 },
  });

  it("fires after absentMinutes without events, and resolves when they come back", async () => {
    await seedRequests(everyMinute(at(T, -120), T, () => ({ route, statusClass: 2, count: 5 })));
    expect((await evaluateSlos(VIGIL, [s], at(T, 30))).changes).toEqual([]);
    const r = await evaluateSlos(VIGIL, [s], at(T, 61));
    expect(r.changes).toEqual([
      { site: VIGIL_SITE_SLUG, slo: s.id, rule: "absent", change: "open", alertId: expect.any(String) },
    ]);
    const [alert] = await alertsOf(s.id);
    expect(alert).toMatchObject({ rule: "absent", severity: "ticket", state: "firing" });
    expect((alert!.figures as { fired: unknown }).fired).toEqual({
      rule: "absent",
      absentMinutes: 60,
      recent: { good: 0, total: 0 },
      window: { good: 600, total: 600 },
    });
    expect((await loadSloReport(VIGIL_SITE_ID, [s], at(T, 61))).slos[0]!.status).toBe("warning");

    await seedRequests([{ at: at(T, 70), route, statusClass: 2, count: 1 }]);
    expect((await evaluateSlos(VIGIL, [s], at(T, 70.5))).changes.map((c) => [c.rule, c.change])).toEqual([
      ["absent", "resolve"],
    ]);
  });

  it("never fires for an SLO that never had data", async () => {
    const empty = spec({ id: `it-empty-${tag}`, kind: "availability", routes: [`/it-slo/${tag}/never`] });
    expect((await evaluateSlos(VIGIL, [empty], at(T, 61))).changes).toEqual([]);
    expect((await loadSloReport(VIGIL_SITE_ID, [empty], at(T, 61))).slos[0]).toMatchObject({
      status: "no-data",
      sli: null,
      events: { good: 0, total: 0 },
      budget: { remainingRatio: null },
    });
  });
});

describe("ticket rules wait `for` 5 minutes: pending, then firing; a pending that clears goes away silently", () => {
  // A custom SLO at 99 %: 4 % of events bad for two days burns 4× in every window, over both ticket factors.
  const T = new Date("2025-06-10T12:00:00Z");
  const s = spec({ id: `it-custom-${tag}`, kind: "custom", objective: 0.99 });

  it("walks pending → dropped (1 d) and pending → firing (3 d)", async () => {
    await db.sloEventRollup.createMany({
      data: minutesOf(new Date(T.getTime() - 2 * DAY), at(T, 20)).map((bucketStart) => ({
        siteId: VIGIL_SITE_ID,
        slo: s.id,
        bucketStart,
        good: 96,
        total: 100,
      })),
    });
    const first = await evaluateSlos(VIGIL, [s], at(T, 0.5));
    expect(first.changes.map((c) => [c.rule, c.change])).toEqual([
      ["ticket-1d", "open"],
      ["ticket-3d", "open"],
    ]);
    expect((await alertsOf(s.id)).map((a) => [a.rule, a.state, a.firedAt])).toEqual([
      ["ticket-1d", "pending", null],
      ["ticket-3d", "pending", null],
    ]);

    // A flood of good events dilutes the 2 h window under 3× (480 bad of 22 000) but not the 6 h one.
    await addSloEvents(VIGIL_SITE_ID, s.id, { good: 10_000, total: 10_000 }, at(T, 2));
    expect((await evaluateSlos(VIGIL, [s], at(T, 2.5))).changes.map((c) => [c.rule, c.change])).toEqual([
      ["ticket-1d", "drop"],
    ]);
    expect((await evaluateSlos(VIGIL, [s], at(T, 4.5))).changes).toEqual([]);
    expect((await evaluateSlos(VIGIL, [s], at(T, 5.5))).changes.map((c) => [c.rule, c.change])).toEqual([
      ["ticket-3d", "fire"],
    ]);

    const alerts = await alertsOf(s.id);
    expect(alerts.map((a) => [a.rule, a.state, a.startedAt, a.firedAt])).toEqual([
      ["ticket-3d", "firing", at(T, 0.5), at(T, 5.5)],
    ]);
    expect((await deliveriesOf(channelId, [alerts[0]!.id])).map((d) => d.eventKey)).toEqual([
      `alert:${alerts[0]!.id}:firing`,
    ]);
  });
});
