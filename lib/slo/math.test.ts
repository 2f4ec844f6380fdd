import { describe, expect, it } from "vitest";
import { addCounts, burnRate, errorBudget, sli } from "./math";

describe("sli", () => {
  it("is good / total", () => {
    expect(sli({ good: 999, total: 1000 })).toBe(0.999);
    expect(sli({ good: 0, total: 4 })).toBe(0);
    expect(sli({ good: 7, total: 7 })).toBe(1);
  });
  it("is null without events, never NaN", () => expect(sli({ good: 0, total: 0 })).toBeNull());
});

describe("errorBudget", () => {
  it("allows (1 − objective) of the events to be bad", () => {
    // 99.9 % of 100 000 requests: 100 bad allowed; 40 bad spent → 60 left, 60 % of the budget.
    const b = errorBudget({ good: 99_960, total: 100_000 }, 0.999);
    expect(b.total).toBeCloseTo(100, 9);
    expect(b.consumed).toBe(40);
    expect(b.remaining).toBeCloseTo(60, 9);
    expect(b.remainingRatio).toBeCloseTo(0.6, 12);
  });
  it("goes negative once overspent", () => {
    // 95 % objective over 200 events allows 10 bad; 25 bad is 2.5 budgets: −150 %.
    const b = errorBudget({ good: 175, total: 200 }, 0.95);
    expect(b.remaining).toBeCloseTo(-15, 9);
    expect(b.remainingRatio).toBeCloseTo(-1.5, 12);
  });
  it("is untouched and has no ratio without events", () => {
    expect(errorBudget({ good: 0, total: 0 }, 0.999)).toEqual({
      total: 0,
      consumed: 0,
      remaining: 0,
      remainingRatio: null,
    });
  });
  it("is whole when nothing went wrong", () =>
    expect(errorBudget({ good: 10, total: 10 }, 0.75).remainingRatio).toBe(1));
});

describe("burnRate", () => {
  it("is the bad share over the allowed share", () => {
    // 1.44 % errors against a 0.1 % allowance: the page threshold 14.4.
    expect(burnRate({ good: 9856, total: 10_000 }, 0.999)).toBeCloseTo(14.4, 9);
    // 5 % slow against a 5 % allowance: exactly 1 (the budget lasts exactly the window).
    expect(burnRate({ good: 95, total: 100 }, 0.95)).toBeCloseTo(1, 12);
    expect(burnRate({ good: 100, total: 100 }, 0.95)).toBe(0);
  });
  it("is null without events", () => expect(burnRate({ good: 0, total: 0 }, 0.999)).toBeNull());
});

it("addCounts sums both fields", () =>
  expect(addCounts({ good: 1, total: 2 }, { good: 3, total: 5 })).toEqual({ good: 4, total: 7 }));
