import { describe, expect, it } from "vitest";
import type { DeliveryLogRow } from "./delivery-log-repository";
import { deliveryView, formatUntil, formatUtc } from "./delivery-view";

const now = new Date("2026-12-01T10:00:00Z");
const row = (over: Partial<DeliveryLogRow> = {}): DeliveryLogRow => ({
  id: 42n,
  eventKey: "alert:1:firing",
  eventType: "alert.firing",
  payload: { title: "API availability burning" },
  status: "pending",
  attempts: 2,
  nextAttemptAt: new Date("2026-12-01T10:01:00Z"),
  lockedUntil: null,
  lastError: "HTTP 500: boom",
  lastStatus: 500,
  createdAt: new Date("2026-12-01T09:59:00.250Z"),
  deliveredAt: null,
  channel: { id: "c1", name: "Ops", kind: "webhook" },
  ...over,
});

describe("formatUtc / formatUntil", () => {
  it("formats times in UTC to the second, without a zone suffix", () => {
    expect(formatUtc(new Date("2026-02-03T04:05:06.789Z"))).toBe("2026-02-03 04:05:06");
  });
  it("rounds waits up and switches units", () => {
    expect(formatUntil(new Date("2026-12-01T09:59:00Z"), now)).toBe("due now");
    expect(formatUntil(now, now)).toBe("due now");
    expect(formatUntil(new Date("2026-12-01T10:00:00.200Z"), now)).toBe("in 1 s");
    expect(formatUntil(new Date("2026-12-01T10:00:59Z"), now)).toBe("in 59 s");
    expect(formatUntil(new Date("2026-12-01T10:01:00Z"), now)).toBe("in 1 min");
    expect(formatUntil(new Date("2026-12-01T10:04:01Z"), now)).toBe("in 5 min");
    expect(formatUntil(new Date("2026-12-01T11:05:00Z"), now)).toBe("in 1 h 05 min");
  });
});

describe("deliveryView", () => {
  it("shows a pending retry with its last error and next attempt", () => {
    expect(deliveryView(row(), now)).toEqual({
      id: "42",
      title: "API availability burning",
      eventType: "alert.firing",
      channelName: "Ops",
      channelKind: "webhook",
      status: "pending",
      sending: false,
      attempts: 2,
      last: "HTTP 500: boom",
      nextAttempt: { at: "2026-12-01 10:01:00", until: "in 1 min" },
      created: "2026-12-01 09:59:00",
      delivered: null,
    });
  });
  it("shows delivered rows with their status and time, and no next attempt", () => {
    expect(
      deliveryView(
        row({ status: "delivered", lastError: null, lastStatus: 204, deliveredAt: new Date("2026-12-01T09:59:31Z") }),
        now,
      ),
    ).toMatchObject({ last: "HTTP 204", nextAttempt: null, delivered: "2026-12-01 09:59:31" });
  });
  it("marks rows under a running lease as sending, and falls back to the key without a title", () => {
    expect(deliveryView(row({ lockedUntil: new Date("2026-12-01T10:00:30Z"), payload: {} }), now)).toMatchObject({
      sending: true,
      title: "alert:1:firing",
    });
    expect(
      deliveryView(
        row({ lockedUntil: new Date("2026-12-01T09:00:00Z"), lastError: null, lastStatus: null, attempts: 0 }),
        now,
      ),
    ).toMatchObject({ sending: false, last: "—" });
  });
});
