import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addMaintenance } from "@/lib/maintenance/maintenance";
import { MaintenanceInput } from "@/lib/maintenance/maintenance-input";
import { createSite } from "@/lib/sites/sites";
import { IncidentUpdateInput } from "@/lib/status/incident-update-input";
import { addIncidentUpdate, loadIncidentTimeline } from "@/lib/status/incident-updates";
import { loadStatusPage } from "@/lib/status/status-page";
import { setStatusPage } from "@/lib/status/status-page-settings";
import { StatusPageInput } from "@/lib/status/status-page-input";

// Incident timelines and the public status page (issue 13, part E): updates only on the site's own incidents,
// bad input stores nothing, and the public page carries public updates and names, never what is internal.

const MINUTE = 60_000;
const ADMIN = "ops-lead@internal.example";

async function siteWithIncident(tag: string) {
  const { site, secretKey } = await createSite({ name: `Shop ${tag}`, slug: `shop-${tag}`, allowedOrigins: [] });
  const monitor = await db.monitor.create({
    data: {
      siteId: site.id,
      slug: "checkout",
      name: `Checkout ${tag}`,
      kind: "http",
      url: `https://internal-${tag}.example/secret-path?token=abc${tag}`,
      nextCheckAt: new Date("2100-01-01"),
    },
  });
  const beat = await db.monitor.create({
    data: {
      siteId: site.id,
      slug: "nightly",
      name: `Nightly ${tag}`,
      kind: "heartbeat",
      heartbeatToken: `hb_${tag}_${randomUUID().replaceAll("-", "")}`,
      nextCheckAt: new Date("2100-01-01"),
    },
  });
  const now = Date.now();
  await db.probeResult.createMany({
    data: Array.from({ length: 30 }, (_, k) => ({
      siteId: site.id,
      monitorId: monitor.id,
      ts: new Date(now - (30 - k) * MINUTE),
      ok: k < 27,
      statusCode: k < 27 ? 200 : 503,
      error: k < 27 ? null : `upstream db-${tag}.internal refused`,
    })),
  });
  await db.probeResult.create({ data: { siteId: site.id, monitorId: beat.id, ts: new Date(now - MINUTE), ok: true } });
  const incident = await db.incident.create({
    data: {
      siteId: site.id,
      monitorId: monitor.id,
      openedAt: new Date(now - 2 * MINUTE),
      failures: 3,
      cause: `connect ECONNREFUSED db-${tag}.internal:5432`,
    },
  });
  return { site, secretKey, monitor, beat, incident };
}

const update = (incident: bigint | string, over: Record<string, unknown> = {}) =>
  IncidentUpdateInput.parse({ incident: String(incident), status: "investigating", body: "Looking", ...over });

describe("incident updates", () => {
  it("refuses bad input and other sites' incidents, and stores nothing for either", async () => {
    const tag = randomUUID().slice(0, 8);
    const a = await siteWithIncident(`a${tag}`);
    const b = await siteWithIncident(`b${tag}`);
    for (const bad of [
      { incident: String(a.incident.id), status: "", body: "x" },
      { incident: String(a.incident.id), status: "investigating", body: "" },
      { incident: String(a.incident.id), status: "investigating", body: "x".repeat(2001) },
      { incident: String(a.incident.id), status: "investigating", body: "nul \u0000 byte" },
      { incident: String(a.incident.id), status: "<script>", body: "x" },
      { incident: String(a.incident.id), status: "s".repeat(41), body: "x" },
      { incident: "0", status: "investigating", body: "x" },
      { incident: "1 OR 1=1", status: "investigating", body: "x" },
    ])
      expect(IncidentUpdateInput.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);

    // Site A's admin names site B's incident: refused as unknown, whatever the id.
    const foreign = addIncidentUpdate(a.site.id, update(b.incident.id), ADMIN);
    await expect(foreign).rejects.toBeInstanceOf(AppError);
    await expect(foreign).rejects.toMatchObject({ code: "not_found" });
    await expect(addIncidentUpdate(a.site.id, update("99999999999"), ADMIN)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await db.incidentUpdate.count({ where: { siteId: { in: [a.site.id, b.site.id] } } })).toBe(0);

    const stored = await addIncidentUpdate(a.site.id, update(a.incident.id, { public: "on" }), ADMIN);
    expect(stored).toMatchObject({ siteId: a.site.id, incidentId: a.incident.id, author: ADMIN, public: true });
    expect(await db.incidentUpdate.count({ where: { siteId: b.site.id } })).toBe(0);
  });

  it("shows opened, each update in order, and resolved on the console timeline, internal notes included", async () => {
    const tag = randomUUID().slice(0, 8);
    const { site, incident } = await siteWithIncident(tag);
    const t0 = incident.openedAt.getTime();
    await addIncidentUpdate(site.id, update(incident.id, { body: "second" }), ADMIN, new Date(t0 + 2 * MINUTE));
    await addIncidentUpdate(
      site.id,
      update(incident.id, { body: "first", public: "on" }),
      ADMIN,
      new Date(t0 + MINUTE),
    );
    await db.incident.update({
      where: { siteId_id: { siteId: site.id, id: incident.id } },
      data: { resolvedAt: new Date(t0 + 3 * MINUTE) },
    });
    const timeline = await loadIncidentTimeline(site.id, String(incident.id));
    expect(timeline?.entries.map((e) => (e.kind === "update" ? `${e.body}:${e.public}:${e.author}` : e.kind))).toEqual([
      "opened",
      `first:true:${ADMIN}`,
      `second:false:${ADMIN}`,
      "resolved",
    ]);
    expect(await loadIncidentTimeline(site.id + 100_000, String(incident.id))).toBeNull();
    expect(await loadIncidentTimeline(site.id, "not-a-number")).toBeNull();
  });
});

describe("public status page", () => {
  it("is not there for an unknown site or while off, and never shows what is internal once on", async () => {
    const tag = randomUUID().slice(0, 8);
    const { site, secretKey, monitor, beat, incident } = await siteWithIncident(tag);
    const other = await siteWithIncident(`o${tag}`);
    await addIncidentUpdate(site.id, update(incident.id, { body: `Public word ${tag}`, public: "on" }), ADMIN);
    await addIncidentUpdate(site.id, update(incident.id, { body: `Internal note ${tag}`, status: "notes" }), ADMIN);

    expect(await loadStatusPage(`nope-${tag}`, { maxAgeMs: 0 })).toBeNull();
    for (const odd of ["a\u0000b", "", "x".repeat(300), "../admin", "\uD800"])
      expect(await loadStatusPage(odd, { maxAgeMs: 0 })).toBeNull();
    expect(await loadStatusPage(site.slug, { maxAgeMs: 0 })).toBeNull();
    expect(() => StatusPageInput.parse({ enabled: "on", title: "t".repeat(121), description: "" })).toThrow();

    await setStatusPage(site.id, StatusPageInput.parse({ enabled: "on", title: "", description: "Our shop" }));
    const view = await loadStatusPage(site.slug, { maxAgeMs: 0 });
    expect(view).not.toBeNull();
    expect(view?.title).toBe(site.name);
    expect(view?.description).toBe("Our shop");
    expect(view?.state).toBe("degraded");
    expect(view?.monitors.map((m) => [m.name, m.state])).toEqual([
      [`Checkout ${tag}`, "outage"],
      [`Nightly ${tag}`, "operational"],
    ]);
    // 27 of 30 checks ok in the 90 days, rounded down as everywhere: 90.000 %.
    expect(view?.monitors[0]?.uptime).toBe("90.000%");
    expect(view?.monitors[0]?.bars).toHaveLength(90);
    expect(view?.incidents).toHaveLength(1);
    const entries = view?.incidents[0]?.entries ?? [];
    expect(entries.map((e) => (e.kind === "update" ? e.body : e.kind))).toEqual(["opened", `Public word ${tag}`]);

    const json = JSON.stringify(view);
    const site2 = await db.site.findUniqueOrThrow({ where: { id: site.id } });
    for (const secret of [
      monitor.url!,
      "internal-",
      beat.heartbeatToken!,
      `Internal note ${tag}`,
      ADMIN,
      secretKey,
      site2.publicKey,
      site2.secretHash!,
      incident.cause,
      `db-${tag}.internal`,
      "checkout",
      other.incident.cause,
      `Checkout o${tag}`,
    ])
      expect(json, secret).not.toContain(secret);

    await setStatusPage(site.id, StatusPageInput.parse({ enabled: "", title: "T", description: "" }));
    expect(await loadStatusPage(site.slug)).toBeNull();
  });

  it("announces active and upcoming maintenance, not past windows nor who scheduled them, and leaves it out of uptime", async () => {
    const tag = randomUUID().slice(0, 8);
    const { site } = await siteWithIncident(`m${tag}`);
    await setStatusPage(site.id, StatusPageInput.parse({ enabled: "on", title: "", description: "" }));
    const at = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 16);
    const oneOff = (title: string, from: number, to: number) =>
      MaintenanceInput.parse({ title, recurrence: "none", startsAt: at(from), endsAt: at(to) });
    // The fixture checks every minute from -30 to -1 min, the last 3 failing: the running window covers the last 10.
    await addMaintenance(site.id, oneOff(`Now ${tag}`, -10 * MINUTE, 60 * MINUTE), ADMIN);
    await addMaintenance(site.id, oneOff(`Later ${tag}`, 24 * 60 * MINUTE, 25 * 60 * MINUTE), ADMIN);
    await addMaintenance(site.id, oneOff(`Past ${tag}`, -3 * 24 * 60 * MINUTE, -2 * 24 * 60 * MINUTE), ADMIN);

    const view = await loadStatusPage(site.slug, { maxAgeMs: 0 });
    expect(view?.maintenance.map((w) => [w.title, w.active])).toEqual([
      [`Now ${tag}`, true],
      [`Later ${tag}`, false],
    ]);
    // Checks inside the running window (7 ok, the 3 failed) are left out: 20 remain, all ok (90.000 % without).
    expect(view?.monitors[0]?.uptime).toBe("100.000%");
    expect(JSON.stringify(view)).not.toContain(ADMIN);
  });
});
