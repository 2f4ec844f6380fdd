import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addMaintenance, editMaintenance, maintenanceWindows, removeMaintenance } from "@/lib/maintenance/maintenance";
import { MaintenanceInput } from "@/lib/maintenance/maintenance-input";
import { evaluateSlos } from "@/lib/slo/evaluate-slos";
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

  it("pages without the window, stays quiet with it, and pages once the window is over", async () => {
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

    const quietRun = await evaluateSlos(quiet, [spec], now);
    expect(quietRun.changes).toEqual([]);
    expect(await alertsOf(quiet.id)).toEqual([]);
    // The measurement itself is unchanged: the same burn rate holds, only the alert is held back.
    expect(quietRun.measurements[0]!.burn.find((b) => b.rule.id === "page-1h")!.holds).toBe(true);

    // 10:13:30: the window is over and the burn still holds: the page fires now, once.
    const after = await evaluateSlos(quiet, [spec], new Date("2025-06-02T10:13:30Z"));
    expect(after.changes.map((c) => `${c.rule}:${c.change}`)).toContain("page-1h:open");
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
