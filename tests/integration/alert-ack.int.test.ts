import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSite } from "@/lib/sites/sites";
import { AckInput, acknowledgeAlert } from "@/lib/slo/alert-ack";
import { markResolved } from "@/lib/slo/alert-repository";

const tag = randomUUID().slice(0, 8);
const T = new Date("2026-03-02T10:00:00Z");
const figures = { fired: null, latest: { rule: "absent", reason: "test" } };

async function alert(siteId: number, state: "pending" | "firing" | "resolved", n: number) {
  const row = await db.alert.create({
    data: {
      siteId,
      fingerprint: `it-ack-${tag}:${n}`,
      slo: `it-ack-${tag}`,
      rule: "page-1h",
      severity: "page",
      state,
      startedAt: T,
      firedAt: state === "pending" ? null : T,
      resolvedAt: state === "resolved" ? T : null,
      lastEvalAt: T,
      figures,
      summary: "test",
    },
  });
  return row.id;
}
const input = (id: bigint, note?: string) => AckInput.parse({ id: String(id), note });

describe("acknowledging an alert", () => {
  it("records who, when and the note on a firing alert, sends nothing, and keeps it firing until it resolves", async () => {
    const { site } = await createSite({ name: `Ack ${tag}`, slug: `ack-${tag}`, allowedOrigins: [] });
    const id = await alert(site.id, "firing", 1);
    const deliveriesBefore = await db.notificationDelivery.count();
    const at = new Date("2026-03-02T10:05:00Z");
    await acknowledgeAlert(input(id, "  looking at the DB  "), "oncall@example.com", { siteId: site.id, now: at });
    expect(await db.alert.findFirst({ where: { id } })).toMatchObject({
      state: "firing",
      acknowledgedAt: at,
      acknowledgedBy: "oncall@example.com",
      ackNote: "looking at the DB",
    });
    expect(await db.notificationDelivery.count()).toBe(deliveriesBefore);

    // A second acknowledgement is refused and the first one stands.
    await expect(acknowledgeAlert(input(id), "other@example.com", { siteId: site.id })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("Already acknowledged by oncall@example.com"),
    });
    expect((await db.alert.findFirst({ where: { id } }))!.acknowledgedBy).toBe("oncall@example.com");

    // Resolving keeps the record.
    expect(await markResolved(id, new Date("2026-03-02T10:30:00Z"), figures as never, db)).toBe(true);
    expect(await db.alert.findFirst({ where: { id } })).toMatchObject({
      state: "resolved",
      acknowledgedBy: "oncall@example.com",
    });
  });

  it("refuses resolved, pending, unknown and other sites' alerts, and bad notes, storing nothing", async () => {
    const { site } = await createSite({ name: `Ack2 ${tag}`, slug: `ack2-${tag}`, allowedOrigins: [] });
    const { site: other } = await createSite({ name: `Ack3 ${tag}`, slug: `ack3-${tag}`, allowedOrigins: [] });
    const resolved = await alert(site.id, "resolved", 2);
    const pending = await alert(site.id, "pending", 3);
    const firing = await alert(site.id, "firing", 4);
    await expect(acknowledgeAlert(input(resolved), "a@example.com", { siteId: site.id })).rejects.toMatchObject({
      code: "bad_request",
      message: "This alert is resolved: nothing to acknowledge.",
    });
    await expect(acknowledgeAlert(input(pending), "a@example.com", { siteId: site.id })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(acknowledgeAlert(input(firing), "a@example.com", { siteId: other.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(acknowledgeAlert(input(987_654_321_012n), "a@example.com")).rejects.toMatchObject({
      code: "not_found",
    });
    expect(AckInput.safeParse({ id: String(firing), note: "x".repeat(501) }).success).toBe(false);
    expect(AckInput.safeParse({ id: String(firing), note: "a\u0000b" }).success).toBe(false);
    expect(AckInput.safeParse({ id: "1; drop", note: "" }).success).toBe(false);
    const rows = await db.alert.findMany({ where: { id: { in: [resolved, pending, firing] } } });
    expect(rows.every((r) => r.acknowledgedAt === null && r.acknowledgedBy === null)).toBe(true);
  });
});
