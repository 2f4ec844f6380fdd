import { describe, expect, it } from "vitest";
import { cumulativeToDelta, StreamState, stateOf } from "./cumulative";
import type { ExplicitBuckets, ExponentialBuckets, HistogramPoint } from "./points";

const S = 1_000_000_000n;
const explicit = (counts: number[], time: bigint, start = 100n * S, sum = counts.length): HistogramPoint => ({
  startTimeUnixNano: start,
  timeUnixNano: time,
  count: counts.reduce((a, b) => a + b, 0),
  sum,
  min: 0.001,
  max: 9,
  buckets: { kind: "explicit", bounds: [0.1, 1], counts } as ExplicitBuckets,
});
const exponential = (scale: number, offset: number, counts: number[], time: bigint, zeroCount = 0): HistogramPoint => ({
  startTimeUnixNano: 100n * S,
  timeUnixNano: time,
  count: zeroCount + counts.reduce((a, b) => a + b, 0),
  sum: 1,
  min: null,
  max: null,
  buckets: {
    kind: "exponential",
    scale,
    zeroCount,
    zeroThreshold: 0,
    positive: { offset, counts },
    negative: { offset: 0, counts: [] },
  } as ExponentialBuckets,
});
const roundTrip = (s: StreamState) => StreamState.parse(JSON.parse(JSON.stringify(s)));

describe("cumulative → delta", () => {
  it("returns the difference to the previous point, over the interval between them, without min and max", () => {
    const first = cumulativeToDelta(explicit([1, 2, 0], 160n * S, 100n * S, 3), null);
    expect(first.outcome).toBe("first");
    expect(first.delta?.count).toBe(3);
    const next = cumulativeToDelta(explicit([4, 2, 1], 220n * S, 100n * S, 7.5), roundTrip(first.state));
    expect(next.outcome).toBe("delta");
    expect(next.delta).toEqual({
      startTimeUnixNano: 160n * S,
      timeUnixNano: 220n * S,
      count: 4,
      sum: 4.5,
      min: null,
      max: null,
      buckets: { kind: "explicit", bounds: [0.1, 1], counts: [3, 0, 1] },
    });
  });

  it("has no delta when nothing happened, and treats an older or repeated point as stale", () => {
    const a = cumulativeToDelta(explicit([1, 0, 0], 160n * S), null).state;
    const same = cumulativeToDelta(explicit([1, 0, 0], 220n * S), a);
    expect([same.outcome, same.delta]).toEqual(["delta", null]);
    const repeated = cumulativeToDelta(explicit([1, 0, 0], 220n * S), same.state);
    expect([repeated.outcome, repeated.delta, repeated.state]).toEqual(["stale", null, same.state]);
    const older = cumulativeToDelta(explicit([9, 0, 0], 200n * S), same.state);
    expect(older.outcome).toBe("stale");
  });

  it("treats a count or bucket going down, or a new start time, as a reset: the whole point is the delta", () => {
    const prev = cumulativeToDelta(explicit([5, 5, 0], 160n * S), null).state;
    const down = cumulativeToDelta(explicit([1, 1, 0], 220n * S), prev);
    expect([down.outcome, down.delta?.count, down.delta?.min]).toEqual(["reset", 2, 0.001]);
    const shifted = cumulativeToDelta(explicit([6, 4, 3], 220n * S), prev); // total up, one bucket down
    expect([shifted.outcome, shifted.delta?.count]).toEqual(["reset", 13]);
    const restarted = cumulativeToDelta(explicit([1, 0, 0], 220n * S, 200n * S), prev);
    expect([restarted.outcome, restarted.delta?.count, restarted.state.start]).toEqual(["reset", 1, String(200n * S)]);
    const rebucketed = cumulativeToDelta(
      { ...explicit([5, 5, 1], 220n * S), buckets: { kind: "explicit", bounds: [0.2, 1], counts: [5, 5, 1] } },
      prev,
    );
    expect(rebucketed.outcome).toBe("reset");
  });

  it("merges the previous exponential buckets down when the scale drops", () => {
    // scale 2 indexes 8..11 become scale 1 indexes 4..5.
    const prev = cumulativeToDelta(exponential(2, 8, [1, 2, 3, 4], 160n * S, 1), null).state;
    const next = cumulativeToDelta(exponential(1, 4, [5, 9, 2], 220n * S, 3), prev);
    expect(next.outcome).toBe("delta");
    expect(next.delta?.count).toBe(2 + 2 + 2 + 2);
    expect(next.delta?.buckets).toMatchObject({ scale: 1, zeroCount: 2, positive: { offset: 4, counts: [2, 2, 2] } });
    const up = cumulativeToDelta(exponential(3, 16, [10, 10], 280n * S), next.state); // a scale never rises
    expect(up.outcome).toBe("reset");
  });

  it("only sets the baseline for a stream without state that started before the horizon", () => {
    const old = cumulativeToDelta(explicit([50, 0, 0], 160n * S, 100n * S), null, { horizonNs: 150n * S });
    expect([old.outcome, old.delta]).toEqual(["baseline", null]);
    const fresh = cumulativeToDelta(explicit([50, 0, 0], 160n * S, 155n * S), null, { horizonNs: 150n * S });
    expect(fresh.outcome).toBe("first");
  });

  it("keeps a small JSON state", () => {
    const state = stateOf(
      exponential(
        3,
        -60,
        Array.from({ length: 160 }, (_, i) => i * 1000),
        160n * S,
      ),
    );
    expect(JSON.stringify(state).length).toBeLessThan(1500); // 160 buckets of 6-digit counts
    expect(roundTrip(state)).toEqual(state);
    expect(StreamState.safeParse({ ...state, v: 2 }).success).toBe(false);
  });
});
