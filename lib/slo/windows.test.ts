import { describe, expect, it } from "vitest";
import { rangeEndingAt, segmentsOf, seriesPlan } from "./windows";

const d = (s: string) => new Date(s);
const iso = (segments: ReturnType<typeof segmentsOf>) =>
  segments.map((s) => [s.grain, s.from.toISOString(), s.to.toISOString()]);

describe("rangeEndingAt", () => {
  it("ends after the running minute and spans whole minutes", () => {
    const r = rangeEndingAt(d("2026-03-10T12:34:56.789Z"), 60);
    expect([r.from.toISOString(), r.to.toISOString()]).toEqual([
      "2026-03-10T11:35:00.000Z",
      "2026-03-10T12:35:00.000Z",
    ]);
  });
});

describe("segmentsOf", () => {
  const fineSince = d("2026-03-08T13:00:00Z");

  it("reads a range inside one hour from fine rows only", () => {
    expect(iso(segmentsOf(rangeEndingAt(d("2026-03-10T12:34:10Z"), 5), fineSince))).toEqual([
      ["fine", "2026-03-10T12:30:00.000Z", "2026-03-10T12:35:00.000Z"],
    ]);
  });

  it("reads whole hours from hourly rows and the partial edges from fine rows", () => {
    // 6 h ending 12:35 → 06:35–07:00 fine, 07:00–12:00 hourly, 12:00–12:35 fine.
    expect(iso(segmentsOf(rangeEndingAt(d("2026-03-10T12:34:10Z"), 360), fineSince))).toEqual([
      ["fine", "2026-03-10T06:35:00.000Z", "2026-03-10T07:00:00.000Z"],
      ["hour", "2026-03-10T07:00:00.000Z", "2026-03-10T12:00:00.000Z"],
      ["fine", "2026-03-10T12:00:00.000Z", "2026-03-10T12:35:00.000Z"],
    ]);
  });

  it("has no empty edges when the range ends on the hour, and a range across one boundary needs no hourly rows", () => {
    expect(iso(segmentsOf({ from: d("2026-03-10T10:00:00Z"), to: d("2026-03-10T12:00:00Z") }, fineSince))).toEqual([
      ["hour", "2026-03-10T10:00:00.000Z", "2026-03-10T12:00:00.000Z"],
    ]);
    expect(iso(segmentsOf({ from: d("2026-03-10T11:50:00Z"), to: d("2026-03-10T12:10:00Z") }, fineSince))).toEqual([
      ["fine", "2026-03-10T11:50:00.000Z", "2026-03-10T12:10:00.000Z"],
    ]);
  });

  it("starts at the next whole hour where fine rows were already pruned", () => {
    // 3 days ending 12:35: the leading 12:35–13:00 would need minute rows from three days ago.
    expect(iso(segmentsOf(rangeEndingAt(d("2026-03-10T12:34:10Z"), 4320), fineSince))).toEqual([
      ["hour", "2026-03-07T13:00:00.000Z", "2026-03-10T12:00:00.000Z"],
      ["fine", "2026-03-10T12:00:00.000Z", "2026-03-10T12:35:00.000Z"],
    ]);
  });
});

describe("seriesPlan", () => {
  it("steps 6 hours over 30 days, ending on the hour after now", () => {
    const p = seriesPlan("30d", d("2026-03-10T12:34:10Z"));
    expect([p.start.toISOString(), p.end.toISOString(), p.stepMinutes]).toEqual([
      "2026-02-08T13:00:00.000Z",
      "2026-03-10T13:00:00.000Z",
      360,
    ]);
    expect((p.end.getTime() - p.start.getTime()) / (p.stepMinutes * 60_000)).toBe(120);
  });
  it("steps an hour over 7 days", () => {
    const p = seriesPlan("7d", d("2026-03-10T12:00:00Z"));
    expect([p.start.toISOString(), p.end.toISOString(), p.stepMinutes]).toEqual([
      "2026-03-03T13:00:00.000Z",
      "2026-03-10T13:00:00.000Z",
      60,
    ]);
  });
});
