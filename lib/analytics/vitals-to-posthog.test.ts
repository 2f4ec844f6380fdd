import { describe, expect, it } from "vitest";
import { webVitalsEvents } from "./vitals-to-posthog";

const beacon = (extra: object) => JSON.stringify({ v: 1, pageViewId: "p".repeat(16), route: "/blog/[slug]", ...extra });

describe("webVitalsEvents", () => {
  it("maps a beacon to one $web_vitals property set with PostHog's names", () => {
    const events = webVitalsEvents(
      beacon({
        navigationType: "navigate",
        metrics: [
          { name: "LCP", value: 1234.5, id: "v6-1" },
          { name: "CLS", value: 0.05, id: "v6-2" },
        ],
      }),
    );
    expect(events).toEqual([
      {
        vigil_route: "/blog/[slug]",
        vigil_navigation_type: "navigate",
        $web_vitals_LCP_value: 1234.5,
        $web_vitals_LCP_event: { name: "LCP", value: 1234.5, id: "v6-1" },
        $web_vitals_CLS_value: 0.05,
        $web_vitals_CLS_event: { name: "CLS", value: 0.05, id: "v6-2" },
      },
    ]);
  });

  it("splits soft-navigation metrics by the route they belong to", () => {
    const events = webVitalsEvents(
      beacon({
        navigationType: "soft-navigation",
        metrics: [
          { name: "INP", value: 80, id: "a", route: "/admin" },
          { name: "LCP", value: 900, id: "b", route: "/admin/vitals" },
        ],
      }),
    );
    expect(events.map((e) => [e.vigil_route, Object.keys(e).filter((k) => k.endsWith("_value"))])).toEqual([
      ["/admin", ["$web_vitals_INP_value"]],
      ["/admin/vitals", ["$web_vitals_LCP_value"]],
    ]);
  });

  it.each([
    ["not json", "{"],
    ["no metrics", beacon({})],
    ["null", "null"],
    [
      "unknown metric and non-finite values only",
      beacon({ metrics: [{ name: "FID", value: 1, id: "x" }, { name: "LCP", value: null, id: "y" }, null] }),
    ],
  ])("yields nothing for %s", (_why, json) => {
    expect(webVitalsEvents(json)).toEqual([]);
  });
});
