import { describe, expect, it } from "vitest";
import { expandWindows, insideAny, mergeIntervals, nextOccurrence, occurrencesOf, type WindowRule } from "./expand";

const d = (iso: string) => new Date(iso);
const iv = (from: string, to: string) => ({ from: d(from), to: d(to) });
const once = (from: string, to: string): WindowRule => ({
  startsAt: d(from),
  endsAt: d(to),
  recurrence: "none",
  weekdays: [],
  until: null,
});
const show = (list: { from: Date; to: Date }[]) => list.map((i) => `${i.from.toISOString()}/${i.to.toISOString()}`);

describe("one-off windows", () => {
  it("inside the range comes back whole", () => {
    expect(
      occurrencesOf(
        once("2026-03-02T10:00:00Z", "2026-03-02T11:30:00Z"),
        iv("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"),
      ),
    ).toEqual([iv("2026-03-02T10:00:00Z", "2026-03-02T11:30:00Z")]);
  });

  it("spanning either end of the range is clipped to it", () => {
    const range = iv("2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z");
    expect(occurrencesOf(once("2026-03-02T09:00:00Z", "2026-03-02T10:30:00Z"), range)).toEqual([
      iv("2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z"),
    ]);
    expect(occurrencesOf(once("2026-03-02T11:45:00Z", "2026-03-02T13:00:00Z"), range)).toEqual([
      iv("2026-03-02T11:45:00Z", "2026-03-02T12:00:00Z"),
    ]);
    expect(occurrencesOf(once("2026-03-01T00:00:00Z", "2026-03-05T00:00:00Z"), range)).toEqual([range]);
  });

  it("touching the range from outside is not in it (half-open)", () => {
    const range = iv("2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z");
    expect(occurrencesOf(once("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"), range)).toEqual([]);
    expect(occurrencesOf(once("2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z"), range)).toEqual([]);
  });
});

describe("recurring windows", () => {
  // 2026-03-02 is a Monday.
  const daily: WindowRule = {
    startsAt: d("2026-03-02T23:00:00Z"),
    endsAt: d("2026-03-03T01:00:00Z"),
    recurrence: "daily",
    weekdays: [],
    until: null,
  };

  it("daily at 23:00 for 2 h: each occurrence crosses midnight; none before the first", () => {
    expect(show(occurrencesOf(daily, iv("2026-03-01T00:00:00Z", "2026-03-05T00:00:00Z")))).toEqual([
      "2026-03-02T23:00:00.000Z/2026-03-03T01:00:00.000Z",
      "2026-03-03T23:00:00.000Z/2026-03-04T01:00:00.000Z",
      "2026-03-04T23:00:00.000Z/2026-03-05T00:00:00.000Z",
    ]);
  });

  it("an occurrence that started the day before the range reaches into it", () => {
    expect(show(occurrencesOf(daily, iv("2026-03-04T00:30:00Z", "2026-03-04T12:00:00Z")))).toEqual([
      "2026-03-04T00:30:00.000Z/2026-03-04T01:00:00.000Z",
    ]);
  });

  it("until is the last day an occurrence may start on (inclusive)", () => {
    const until = { ...daily, until: d("2026-03-03T00:00:00Z") };
    expect(show(occurrencesOf(until, iv("2026-03-01T00:00:00Z", "2026-03-10T00:00:00Z")))).toEqual([
      "2026-03-02T23:00:00.000Z/2026-03-03T01:00:00.000Z",
      "2026-03-03T23:00:00.000Z/2026-03-04T01:00:00.000Z",
    ]);
  });

  it("weekly on Tuesday and Saturday at 02:00 for 30 min", () => {
    const weekly: WindowRule = {
      startsAt: d("2026-03-02T02:00:00Z"),
      endsAt: d("2026-03-02T02:30:00Z"),
      recurrence: "weekly",
      weekdays: [2, 6],
      until: null,
    };
    // Mon 2 (not listed), Tue 3, Sat 7, Tue 10; the range ends Wed 11.
    expect(show(occurrencesOf(weekly, iv("2026-02-20T00:00:00Z", "2026-03-11T00:00:00Z")))).toEqual([
      "2026-03-03T02:00:00.000Z/2026-03-03T02:30:00.000Z",
      "2026-03-07T02:00:00.000Z/2026-03-07T02:30:00.000Z",
      "2026-03-10T02:00:00.000Z/2026-03-10T02:30:00.000Z",
    ]);
  });

  it("a 90-day range of a daily window gives 90 occurrences (bounded by the range)", () => {
    const r = occurrencesOf(
      { ...daily, startsAt: d("2025-01-01T03:00:00Z"), endsAt: d("2025-01-01T03:10:00Z") },
      iv("2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z"),
    );
    expect(r).toHaveLength(90);
    expect(r[0]).toEqual(iv("2026-01-01T03:00:00Z", "2026-01-01T03:10:00Z"));
  });
});

describe("merging", () => {
  it("sorts, merges overlapping and touching windows, keeps disjoint ones apart", () => {
    const range = iv("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z");
    const rules = [
      once("2026-03-02T14:00:00Z", "2026-03-02T15:00:00Z"),
      once("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z"),
      once("2026-03-02T10:30:00Z", "2026-03-02T12:00:00Z"),
      once("2026-03-02T12:00:00Z", "2026-03-02T12:15:00Z"),
      once("2026-03-02T10:40:00Z", "2026-03-02T10:50:00Z"),
    ];
    expect(show(expandWindows(rules, range))).toEqual([
      "2026-03-02T10:00:00.000Z/2026-03-02T12:15:00.000Z",
      "2026-03-02T14:00:00.000Z/2026-03-02T15:00:00.000Z",
    ]);
  });

  it("an empty list stays empty", () => {
    expect(mergeIntervals([])).toEqual([]);
  });
});

describe("lookups", () => {
  const list = [iv("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z")];
  it("insideAny is half-open", () => {
    expect(insideAny(list, d("2026-03-02T10:00:00Z"))).toBe(true);
    expect(insideAny(list, d("2026-03-02T10:59:59.999Z"))).toBe(true);
    expect(insideAny(list, d("2026-03-02T11:00:00Z"))).toBe(false);
    expect(insideAny(list, d("2026-03-02T09:59:59Z"))).toBe(false);
  });

  it("nextOccurrence gives a running one its real start, else the next", () => {
    const rule: WindowRule = {
      startsAt: d("2026-03-02T10:00:00Z"),
      endsAt: d("2026-03-02T11:00:00Z"),
      recurrence: "daily",
      weekdays: [],
      until: null,
    };
    const week = 7 * 86_400_000;
    expect(nextOccurrence(rule, d("2026-03-05T10:20:00Z"), week)).toEqual(
      iv("2026-03-05T10:00:00Z", "2026-03-05T11:00:00Z"),
    );
    expect(nextOccurrence(rule, d("2026-03-05T11:00:00Z"), week)).toEqual(
      iv("2026-03-06T10:00:00Z", "2026-03-06T11:00:00Z"),
    );
    expect(nextOccurrence({ ...rule, recurrence: "none" }, d("2026-03-05T11:00:00Z"), week)).toBeNull();
  });
});
