import { describe, expect, it } from "vitest";
import { DATASOURCE, grafanaDashboard } from "./grafana-dashboard";
import { RECORD } from "@/lib/monitoring/prometheus-rules";

type Panel = {
  id: number;
  type: string;
  title: string;
  datasource?: unknown;
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: { refId: string; expr: string; datasource: unknown }[];
};

const dashboard = grafanaDashboard();
const panels = dashboard.panels as Panel[];
const dataPanels = panels.filter((p) => p.type !== "row");

describe("Grafana dashboard", () => {
  it("is a schema-39 dashboard whose datasource is a variable", () => {
    expect(dashboard).toMatchObject({ uid: "vigil-overview", schemaVersion: 39 });
    expect(dashboard.templating.list[0]).toMatchObject({
      name: "DS_PROMETHEUS",
      type: "datasource",
      query: "prometheus",
    });
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(["DS_PROMETHEUS", "site", "job", "slo"]);
  });

  it("shows one site at a time, Vigil's own by default", () => {
    const site = JSON.parse(JSON.stringify(dashboard.templating.list[1]));
    expect(site).toMatchObject({
      name: "site",
      type: "query",
      datasource: DATASOURCE,
      query: { query: "label_values(http_requests_total, site)" },
      includeAll: false,
      multi: false,
      current: { text: "vigil", value: "vigil" },
    });
    expect(site).not.toHaveProperty("allValue");
  });

  it("filters every series Vigil labels by site to the site variable, and only those", () => {
    // Counters of the instance itself (no site label): filtering them on site would empty their panels.
    const instanceWide = /^vigil_(ingest|job|notification)_/;
    const selectors = dataPanels.flatMap((p) =>
      p.targets!.flatMap((t) =>
        [...t.expr.matchAll(/([a-zA-Z_:][\w:]*)?\{([^}]*)\}/g)].map(([, metric = "", matchers]) => ({
          title: p.title,
          metric,
          matchers: matchers!,
        })),
      ),
    );
    expect(selectors.length).toBeGreaterThan(25);
    for (const { title, metric, matchers } of selectors) {
      const filtered = matchers.split(",").includes('site="$site"');
      expect(filtered, `${title}: ${metric}{${matchers}}`).toBe(!instanceWide.test(metric));
    }
    // The one series read without a selector is the spec's constant, which every site shares.
    const bare = dataPanels.flatMap((p) =>
      p.targets!.flatMap((t) => [...t.expr.matchAll(/(?<![\w:{"])(slo:[\w:]+)(?![\w:{])/g)].map((m) => m[1])),
    );
    expect(new Set(bare)).toEqual(new Set([RECORD.errorBudget]));
  });

  it("gives every panel a unique id and a place inside the 24-column grid", () => {
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    for (const p of panels) {
      expect(p.gridPos.x + p.gridPos.w, p.title).toBeLessThanOrEqual(24);
      expect(p.gridPos.h, p.title).toBeGreaterThan(0);
    }
  });

  it("queries the variable datasource from every panel and target, each target with a refId and an expression", () => {
    expect(dataPanels.length).toBeGreaterThanOrEqual(14);
    for (const p of dataPanels) {
      expect(p.datasource, p.title).toEqual(DATASOURCE);
      expect(p.targets!.length, p.title).toBeGreaterThan(0);
      expect(new Set(p.targets!.map((t) => t.refId)).size, p.title).toBe(p.targets!.length);
      for (const t of p.targets!) {
        expect(t.datasource).toEqual(DATASOURCE);
        expect(t.expr.trim().length, p.title).toBeGreaterThan(0);
      }
    }
  });

  it("covers what the issue asks for", () => {
    const exprs = dataPanels.flatMap((p) => p.targets!.map((t) => t.expr)).join("\n");
    for (const needle of [
      "http_requests_total",
      'status=~"5.."',
      "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket",
      "sum by (route) (rate(http_requests_total",
      "histogram_quantile(0.75, sum by (le) (rate(web_vitals_lcp_seconds_bucket",
      "web_vitals_cls_bucket",
      "vigil_ingest_beacons_accepted_total",
      "vigil_ingest_beacons_rejected_total",
      "vigil_job_runs_total",
      'outcome="failed"',
      "vigil_probe_results_total",
      "slo:error_budget_remaining:ratio",
      'slo:sli_error:ratio_rate.+"',
    ]) {
      expect(exprs).toContain(needle);
    }
  });
});
