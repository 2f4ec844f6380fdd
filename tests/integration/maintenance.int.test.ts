import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMaintenance, editMaintenance, maintenanceWindows, removeMaintenance } from "@/lib/maintenance/maintenance";
import { MaintenanceInput } from "@/lib/maintenance/maintenance-input";
import { evaluateSlos } from "@/lib/slo/evaluate-slos";
import { loadSloPage } from "@/lib/slo/report";
import { parseSloSpecs } from "@/lib/slo/spec";
import { createSite } from "@/lib/sites/sites";
import { MonitorInput } from "@/lib/uptime/monitor-input";
import { addMonitor } from "@/lib/uptime/monitors";
import { recordCheck } from "@/lib/uptime/record-check";
import { createChannel, everyMinute, seedRequests } from "../support/slo-seed";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const tag = randomUUID().slice(0, 8);
const iso = (d: Date) => d.toISOString();
const window = (v: Record<string, string>) => MaintenanceInput.parse({ title: "Upgrade", recurrence: "none", ...v });
const newSite = async (name: string) =>
  (await createSite({ name: `${name} ${tag}`, slug: `${name}-${tag}`, allowedOrigins: [] })).site;

let channelId: string;
beforeAll(async () => {
  channelId = await createChannel();
});

describe("maintenanceWindows(siteId, range)", () => {
  it("expands the stored windows of one site into merged intervals; monitor-scoped ones only for their monitor", async () => {
    const site = await newSite("mw");
    const other = await newSite("mw-other");
    const added = await addMonitor(
      site.id,
      MonitorInput.parse({
        kind: "heartbeat",
        name: "Nightly",
        intervalSeconds: "300",
        graceSeconds: "60",
        failureThreshold: "1",
      }),
    );
    if (!added.ok) throw new Error("monitor");
    await addMaintenance(
      site.id,
      window({ startsAt: "2026-03-02T10:00", endsAt: "2026-03-02T11:00" }),
      "a@example.com",
    );
    await addMaintenance(
      site.id,
      window({ recurrence: "daily", startsAt: "2026-03-01T10:30", durationMinutes: "60", until: "2026-03-03" }),
      null,
    );
    await addMaintenance(
      site.id,
      window({ startsAt: "2026-03-02T15:00", endsAt: "2026-03-02T16:00", monitors: added.monitor.slug }),
      null,
    );
    await addMaintenance(other.id, window({ startsAt: "2026-03-02T00:00", endsAt: "2026-03-03T00:00" }), null);

    const range = { from: new Date("2026-03-02T00:00:00Z"), to: new Date("2026-03-04T12:00:00Z") };
    const show = (l: { from: Date; to: Date }[]) => l.map((i) => `${iso(i.from)}/${iso(i.to)}`);
    // Hand-computed: the one-off 10:00–11:00 and the daily 10:30–11:30 merge on the 2nd; the daily one ends on the 3rd.
    expect(show(await maintenanceWindows(site.id, range))).toEqual([
      "2026-03-02T10:00:00.000Z/2026-03-02T11:30:00.000Z",
      "2026-03-03T10:30:00.000Z/2026-03-03T11:30:00.000Z",
    ]);
    expect(show(await maintenanceWindows(site.id, range, { monitorId: added.monitor.id }))).toEqual([
      "2026-03-02T10:00:00.000Z/2026-03-02T11:30:00.000Z",
      "2026-03-02T15:00:00.000Z/2026-03-02T16:00:00.000Z",
      "2026-03-03T10:30:00.000Z/2026-03-03T11:30:00.000Z",
    ]);
  });

  it("refuses an unknown monitor by name (nothing stored), edits and deletes", async () => {
    const site = await newSite("mw-edit");
    await expect(
      addMaintenance(
        site.id,
        window({ startsAt: "2026-03-02T10:00", endsAt: "2026-03-02T11:00", monitors: "nope" }),
        null,
      ),
    ).rejects.toMatchObject({ code: "validation_failed", details: [{ path: "monitors" }] });
    expect(await db.maintenanceWindow.count({ where: { siteId: site.id } })).toBe(0);
    const id = await addMaintenance(
      site.id,
      window({ startsAt: "2026-03-02T10:00", endsAt: "2026-03-02T11:00" }),
      null,
    );
    expect(await editMaintenance(id, window({ startsAt: "2026-03-02T12:00", endsAt: "2026-03-02T12:30" }))).toBe(true);
    const range = { from: new Date("2026-03-02T00:00:00Z"), to: new Date("2026-03-03T00:00:00Z") };
    expect(await maintenanceWindows(site.id, range)).toEqual([
      { from: new Date("2026-03-02T12:00:00Z"), to: new Date("2026-03-02T12:30:00Z") },
    ]);
    expect(await removeMaintenance(id)).toBe(true);
    expect(await removeMaintenance(id)).toBe(false);
    expect(await maintenanceWindows(site.id, range)).toEqual([]);
  });
});

describe("a maintenance window silences an alert that would otherwise page", () => {
  // Two sites with the same traffic: a day of 100 good requests a minute, then 50 5xx a minute from 10:10 to 10:13.
  const T = new Date("2025-06-02T10:00:00Z");
  const at = (m: number) => new Date(T.getTime() + m * MINUTE);
  const prefix = `/it-mw/${tag}/`;
  const spec = parseSloSpecs([
    {
      id: `it-mw-${tag}`,
      name: "IT maintenance",
      owner: "it",
      kind: "availability",
      objective: 0.999,
      routePrefix: prefix,
    },
  ])[0]!;
  const now = new Date("2025-06-02T10:12:30Z");

  it("pages without the window; with it, stays quiet and its budget leaves the window's events out", async () => {
    const quiet = await newSite("mw-quiet");
    const loud = await newSite("mw-loud");
    for (const site of [quiet, loud])
      await seedRequests(
        [
          ...everyMinute(new Date(T.getTime() - DAY), at(40), () => ({
            route: `${prefix}x`,
            statusClass: 2,
            count: 100,
          })),
          ...everyMinute(at(10), at(13), () => ({ route: `${prefix}x`, statusClass: 5, count: 50 })),
        ],
        site.id,
      );
    // The window covers 10:00–10:13; the quiet site keeps failing for three more minutes after it.
    await seedRequests(
      everyMinute(at(13), at(16), () => ({ route: `${prefix}x`, statusClass: 5, count: 50 })),
      quiet.id,
    );
    await addMaintenance(quiet.id, window({ startsAt: "2025-06-02T10:00", endsAt: "2025-06-02T10:13" }), null);
    const alertsOf = (siteId: number) => db.alert.findMany({ where: { siteId, slo: spec.id } });
    const queued = async (siteId: number) =>
      db.notificationDelivery.count({
        where: { channelId, eventKey: { in: (await alertsOf(siteId)).map((a) => `alert:${a.id}:firing`) } },
      });

    const loudRun = await evaluateSlos(loud, [spec], now);
    // The 3-day ticket opens pending too (one day of history); only the page fires.
    expect(loudRun.changes.map((c) => `${c.rule}:${c.change}`)).toEqual(["page-1h:open", "ticket-3d:open"]);
    expect((await alertsOf(loud.id)).map((a) => `${a.rule}:${a.state}`).sort()).toEqual([
      "page-1h:firing",
      "ticket-3d:pending",
    ]);
    expect(await queued(loud.id)).toBe(1);
    // Hand-computed budget window: 1453 minutes (Jun 1 10:00 – Jun 2 10:13) of 100 good, and 150 bad.
    expect(loudRun.measurements[0]!.window).toEqual({ good: 145_300, total: 145_450 });

    const quietRun = await evaluateSlos(quiet, [spec], now);
    expect(quietRun.changes).toEqual([]);
    expect(await alertsOf(quiet.id)).toEqual([]);
    // Its 13 minutes inside the window (1300 good, 150 bad) are left out of the budget.
    expect(quietRun.measurements[0]!.window).toEqual({ good: 144_000, total: 144_000 });
    // The chart shades the window and its 6-hour step 05:00–11:00 (hour rows: 5 h 40 min of 100 good = 34000, and
    // 150 + 150 bad) leaves out the same 1300 good and 150 bad: 32700 good of 32850.
    const page = await loadSloPage(quiet.id, [spec], now);
    expect(page.charts[0]!.maintenance).toEqual([{ from: at(0).getTime(), to: at(13).getTime() }]);
    expect(page.charts[0]!.points.find((p) => p.t === Date.parse("2025-06-02T05:00:00Z"))).toMatchObject({
      good: 32_700,
      total: 32_850,
    });

    // 10:15:30, after the window, still failing: 5 m = 10:11–10:16 less 10:11–10:13 → 150 bad of 450; 1 h = 09:16–10:16
    // less 10:00–10:13 → 150 bad of 4850 (30.9×). The page fires now, once.
    const after = await evaluateSlos(quiet, [spec], new Date("2025-06-02T10:15:30Z"));
    expect(after.changes.map((c) => `${c.rule}:${c.change}`)).toContain("page-1h:open");
    const fired = (await alertsOf(quiet.id)).find((a) => a.rule === "page-1h")!;
    expect((fired.figures as { fired: Record<string, unknown> }).fired).toMatchObject({
      long: { good: 4700, total: 4850 },
      short: { good: 300, total: 450 },
    });
    expect(await queued(quiet.id)).toBe(1);
  });
});

describe("uptime opens no incident for a monitor in maintenance", () => {
  it("three failures inside the window open nothing; the next failure after it opens the incident", async () => {
    const site = await newSite("mw-up");
    const added = await addMonitor(
      site.id,
      MonitorInput.parse({
        kind: "heartbeat",
        name: "Job",
        intervalSeconds: "300",
        graceSeconds: "60",
        failureThreshold: "3",
      }),
    );
    if (!added.ok) throw new Error("monitor");
    const m = added.monitor;
    await addMaintenance(
      site.id,
      window({ startsAt: "2026-03-02T10:00", endsAt: "2026-03-02T10:30", monitors: m.slug }),
      null,
    );
    const fail = (t: string) =>
      recordCheck(
        { id: m.id },
        { ok: false, statusCode: null, latencyMs: null, error: "missed", ts: new Date(t) },
        () => ({
          nextCheckAt: new Date(t),
        }),
      );
    for (const t of ["2026-03-02T10:05:00Z", "2026-03-02T10:10:00Z", "2026-03-02T10:15:00Z", "2026-03-02T10:20:00Z"])
      expect((await fail(t))!.incident).toBeNull();
    expect(await db.incident.count({ where: { monitorId: m.id } })).toBe(0);
    expect((await fail("2026-03-02T10:35:00Z"))!.incident).toBe("opened");
    expect(await db.incident.count({ where: { monitorId: m.id } })).toBe(1);
  });
});

describe("uptime leaves maintenance out", () => {
  it("uptime %, bars and latency count only the checks outside the monitor's windows (hand-computed)", async () => {
    const site = await newSite("mw-pct");
    const [a, b] = await Promise.all(
      ["Api", "Web"].map(async (name) => {
        const r = await addMonitor(
          site.id,
          MonitorInput.parse({
            kind: "heartbeat",
            name,
            intervalSeconds: "300",
            graceSeconds: "60",
            failureThreshold: "3",
          }),
        );
        if (!r.ok) throw new Error("monitor");
        return r.monitor;
      }),
    );
    // Ten checks of each, 09:00–09:45 every 5 min; 09:10–09:25 failed (4 checks). The window 09:10–09:30 names Api only.
    const t0 = Date.parse("2026-03-02T09:00:00Z");
    await db.probeResult.createMany({
      data: [a!, b!].flatMap((m) =>
        Array.from({ length: 10 }, (_, i) => ({
          siteId: site.id,
          monitorId: m.id,
          ts: new Date(t0 + i * 5 * MINUTE),
          ok: i < 2 || i > 5,
          latencyMs: i < 2 || i > 5 ? 100 : 5000,
        })),
      ),
    });
    await addMaintenance(
      site.id,
      window({ startsAt: "2026-03-02T09:10", endsAt: "2026-03-02T09:30", monitors: a!.slug }),
      null,
    );
    const { loadUptimeReport } = await import("@/lib/uptime/uptime-report");
    const report = await loadUptimeReport(site.id, { now: new Date("2026-03-02T10:00:00Z") });
    const of = (id: string) => report.monitors.find((m) => m.id === id)!;
    expect(of(a!.id).uptime[0]).toMatchObject({ ok: 6, total: 6, text: "100.000%" });
    expect(of(b!.id).uptime[0]).toMatchObject({ ok: 6, total: 10, text: "60.000%" });
    const nine = (id: string) => of(id).bars["24h"].find((s) => s.start === t0)!;
    expect(nine(a!.id)).toMatchObject({ ok: 6, total: 6, state: "up", maintenanceMinutes: 20 });
    expect(nine(b!.id)).toMatchObject({ ok: 6, total: 10, state: "degraded" });
    expect(nine(b!.id).maintenanceMinutes).toBeUndefined();
    expect(of(a!.id).maintenance).toEqual([{ from: t0 + 10 * MINUTE, to: t0 + 30 * MINUTE }]);
    // Latency per half hour: 09:00–09:30 holds 09:00, 09:05 (100 ms) for Api, and the 5000 ms failures for Web too.
    expect(of(a!.id).latency.find((p) => p.t === t0)).toMatchObject({ n: 2, p95: 100 });
    expect(of(b!.id).latency.find((p) => p.t === t0)).toMatchObject({ n: 6 });
  });
});
