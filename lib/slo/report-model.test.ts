import { describe, expect, it } from "vitest";
import { evaluateAbsent, evaluateBurnRules } from "./burn-verdicts";
import { errorBudget } from "./math";
import { measuresText, reportItem, statusOf } from "./report-model";
import { defaultSloSpecs as sloSpecs } from "./slo-defaults";
import { parseSloSpecs } from "./spec";

const [availability, latency, lcp, uptime] = sloSpecs();

describe("measuresText", () => {
  it("says what a good event is for each shipped SLO and a custom one", () => {
    expect([availability, latency, lcp, uptime].map((s) => measuresText(s!))).toEqual([
      "Requests under /api/ answered without a 5xx",
      "Requests on every route answered within 400 ms",
      "LCP samples rated good (all routes, all devices)",
      'Successful probes of monitor "vigil"',
    ]);
    const custom = parseSloSpecs([
      { id: "checkout", name: "Checkout", owner: "shop", objective: 0.99, kind: "custom" },
    ])[0]!;
    expect(measuresText(custom)).toBe('Good events reported to POST /api/v1/slo-events as "checkout"');
  });
});

describe("statusOf", () => {
  const some = { good: 999, total: 1000 };
  const ok = errorBudget(some, 0.99);
  it("is burning while a page fires, whatever else", () =>
    expect(statusOf(some, errorBudget({ good: 0, total: 10 }, 0.99), [{ severity: "page", state: "firing" }])).toBe(
      "burning",
    ));
  it("is exhausted once the budget is spent", () =>
    expect(statusOf({ good: 98, total: 100 }, errorBudget({ good: 98, total: 100 }, 0.99), [])).toBe("exhausted"));
  it("warns for a pending page, a ticket or absent data", () => {
    expect(statusOf(some, ok, [{ severity: "page", state: "pending" }])).toBe("warning");
    expect(statusOf(some, ok, [{ severity: "ticket", state: "firing" }])).toBe("warning");
  });
  it("is no-data without events and ok otherwise", () => {
    expect(statusOf({ good: 0, total: 0 }, errorBudget({ good: 0, total: 0 }, 0.99), [])).toBe("no-data");
    expect(statusOf(some, ok, [])).toBe("ok");
  });
});

describe("reportItem", () => {
  it("carries the window's SLI, budget and every rule's burn rates", () => {
    const counts = new Map([
      [5, { good: 500, total: 650 }],
      [60, { good: 6000, total: 6150 }],
      [43_200, { good: 999_000, total: 1_000_000 }],
    ]);
    const item = reportItem(
      availability!,
      {
        window: counts.get(43_200)!,
        burn: evaluateBurnRules(availability!, counts),
        absent: evaluateAbsent(availability!, counts),
      },
      [],
    );
    expect(item).toMatchObject({
      id: "api-availability",
      kind: "availability",
      objective: 0.999,
      window: "30d",
      events: { good: 999_000, total: 1_000_000 },
      sli: 0.999,
      status: "ok",
      absentData: { minutes: 60, holds: false },
    });
    expect(item.budget.remainingRatio).toBeCloseTo(0, 9);
    expect(item.burnRates.map((r) => [r.rule, r.holds, r.longEvents])).toEqual([
      ["page-1h", true, 6150],
      ["page-6h", false, 0],
      ["ticket-1d", false, 0],
      ["ticket-3d", false, 0],
    ]);
  });
});
