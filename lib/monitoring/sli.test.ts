import { describe, expect, it } from "vitest";
import { parseSloSpecs, type SloSpec } from "@/lib/slo/spec";
import { badRate, bucketLabel, errorRatio, requestMatchers, sliSource, totalIncrease, totalRate } from "./sli";
import { requestSelection, selects } from "@/lib/slo/selection";
import { PUBLIC_FILE, STATIC_ASSETS } from "@vigil/next/routes";
import { selector, type Matcher } from "./promql";

const base = { name: "X", owner: "team", objective: 0.99 };
const spec = (s: Record<string, unknown>): SloSpec => parseSloSpecs([{ id: "x", ...base, ...s }])[0]!;
const routes = (s: Record<string, unknown>) =>
  selector("m", requestMatchers(spec({ kind: "availability", ...s }) as Extract<SloSpec, { kind: "availability" }>));

describe("SLI sources", () => {
  it("selects requests by exact routes, an escaped prefix, both, or all but Next's assets", () => {
    expect(routes({})).toBe('m{route!~"/_next/static|/_next/image|\\\\(public\\\\)"}');
    expect(routes({ routes: ["/api/v1/vitals"] })).toBe('m{route="/api/v1/vitals"}');
    expect(routes({ routes: ["/blog/[slug]", "/"] })).toBe('m{route=~"/blog/\\\\[slug\\\\]|/"}');
    expect(routes({ routePrefix: "/api/v1.x/" })).toBe('m{route=~"/api/v1\\\\.x/.*"}');
    expect(routes({ routePrefix: "/api/", routes: ["/health"] })).toBe('m{route=~"/health|/api/.*"}');
    expect(routes({ routePrefix: "/api/", methods: ["GET"] })).toBe('m{route=~"/api/.*",method="GET"}');
    expect(routes({ routePrefix: "/_next/" })).toBe('m{route=~"/_next/.*",route!~"/_next/static|/_next/image"}');
    expect(routes({ routePrefix: "/", routes: ["/_next/image"] })).toBe(
      'm{route=~"/_next/image|/.*",route!~"/_next/static"}',
    );
    expect(routes({ methods: ["GET", "POST"] })).toContain(',method=~"GET|POST"}');
  });

  it("selects exactly the routes and methods the app's own SLO engine counts", () => {
    // PromQL label matchers are fully anchored RE2; for escaped literals and `.*` a JS regex reads the same.
    const promMatches = (ms: Matcher[], labels: Record<string, string>) =>
      ms.every((m) => {
        const value = labels[m.label] ?? "";
        const hit = m.op === "=" || m.op === "!=" ? value === m.value : new RegExp(`^(?:${m.value})$`).test(value);
        return m.op === "=" || m.op === "=~" ? hit : !hit;
      });
    const candidates = [
      "/",
      "/api/x",
      "/api/v1.x/y",
      "/api/v1Xx/y",
      "/health",
      "/blog/[slug]",
      STATIC_ASSETS,
      "/_next/image",
      PUBLIC_FILE,
      "(unmatched)",
    ];
    const shapes: Record<string, unknown>[] = [
      {},
      { routes: ["/api/x"] },
      { routes: ["/blog/[slug]", "/"] },
      { routes: [STATIC_ASSETS] },
      { routePrefix: "/api/v1.x/" },
      { routePrefix: "/api/", routes: ["/health"] },
      { routePrefix: "/", methods: ["GET"] },
      { routePrefix: "/", routes: ["/_next/image"] },
      { routePrefix: "/_next/" },
      { methods: ["GET", "POST"] },
    ];
    let compared = 0;
    for (const shape of shapes) {
      const s = spec({ kind: "availability", ...shape }) as Extract<SloSpec, { kind: "availability" }>;
      const matchers = requestMatchers(s);
      // Every site's requests are selected alike: the rules group by site, they never filter on it.
      expect(matchers.map((m) => m.label)).not.toContain("site");
      for (const route of candidates)
        for (const method of ["GET", "POST"]) {
          const inApp = selects(requestSelection(s), route, method);
          expect(promMatches(matchers, { route, method }), `${JSON.stringify(shape)} ${method} ${route}`).toBe(inApp);
          compared++;
        }
    }
    expect(compared).toBe(shapes.length * candidates.length * 2);
  });

  it("counts availability as 5xx over all matching requests, per site, 0 for a site without 5xx series", () => {
    const s = sliSource(spec({ kind: "availability", routePrefix: "/api/" }));
    expect(s.total).toBe('http_requests_total{route=~"/api/.*"}');
    expect(s.bad).toBe('http_requests_total{route=~"/api/.*",status=~"5.."}');
    const total = (w: string) => `sum by (site) (rate(${s.total}[${w}]))`;
    expect(errorRatio(s, "1h")).toBe(`(sum by (site) (rate(${s.bad}[1h])) or 0 * ${total("1h")}) / ${total("1h")}`);
    expect(badRate(s, "5m")).toBe(`(sum by (site) (rate(${s.bad}[5m])) or 0 * ${total("5m")})`);
    expect(totalRate(s, "5m")).toBe(total("5m"));
    expect(totalIncrease(s, "1h")).toBe(`sum by (site) (increase(${s.total}[1h]))`);
  });

  it("counts latency as the threshold's bucket over the count, and refuses a threshold between edges", () => {
    const s = sliSource(spec({ kind: "latency", thresholdMs: 400, routes: ["/api/x"] }));
    expect(s.good).toBe('http_request_duration_seconds_bucket{route="/api/x",le="0.4"}');
    expect(s.total).toBe('http_request_duration_seconds_count{route="/api/x"}');
    const total = `sum by (site) (rate(${s.total}[5m]))`;
    const good = `(sum by (site) (rate(${s.good}[5m])) or 0 * ${total})`;
    expect(errorRatio(s, "5m")).toBe(`1 - ${good} / ${total}`);
    expect(badRate(s, "5m")).toBe(`${total} - ${good}`);
    expect(sliSource(spec({ kind: "latency", thresholdMs: 1000 })).good).toContain('le="1"');
    expect(() => sliSource(spec({ kind: "latency", thresholdMs: 300 }))).toThrow(
      /SLO "x" thresholdMs 300: 0.3 s is not a bucket edge \(edges: 0.005, .*0.25, 0.4/,
    );
  });

  it("counts vitals at the good threshold's bucket, filtering route and device unless * / all", () => {
    expect(sliSource(spec({ kind: "vitals", metric: "LCP" }))).toMatchObject({
      total: "web_vitals_lcp_seconds_count",
      good: 'web_vitals_lcp_seconds_bucket{le="2.5"}',
    });
    expect(sliSource(spec({ kind: "vitals", metric: "INP", device: "mobile" })).good).toBe(
      'web_vitals_inp_seconds_bucket{device="mobile",le="0.2"}',
    );
    const cls = sliSource(spec({ kind: "vitals", metric: "CLS", route: "/blog/[slug]", device: "desktop" }));
    expect(cls.total).toBe('web_vitals_cls_count{route="/blog/[slug]",device="desktop"}');
    expect(cls.good).toBe('web_vitals_cls_bucket{route="/blog/[slug]",device="desktop",le="0.1"}');
    expect(sliSource(spec({ kind: "vitals", metric: "FCP" })).good).toContain('le="1.8"');
    expect(sliSource(spec({ kind: "vitals", metric: "TTFB" })).good).toContain('le="0.8"');
  });

  it("counts uptime probes and custom events by their outcome", () => {
    expect(sliSource(spec({ kind: "uptime", monitor: "vigil" }))).toMatchObject({
      total: 'vigil_probe_results_total{monitor="vigil"}',
      good: 'vigil_probe_results_total{monitor="vigil",outcome="up"}',
    });
    expect(sliSource(spec({ kind: "custom" }))).toMatchObject({
      total: 'vigil_slo_events_total{slo="x"}',
      good: 'vigil_slo_events_total{slo="x",outcome="good"}',
    });
  });

  it("gives bucket labels as prom-client writes them", () => {
    expect(bucketLabel(0.4, [0.25, 0.4, 0.5], "t")).toBe("0.4");
    expect(bucketLabel(1, [0.5, 1, 2.5], "t")).toBe("1");
    expect(() => bucketLabel(0.3, [0.25, 0.4], "what")).toThrow(/^what: 0.3 s is not a bucket edge/);
  });
});
