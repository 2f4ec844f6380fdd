import { METRIC, vitalMetricName } from "@/lib/telemetry/metric-names";
import { METRIC_NAMES, METRICS } from "@/lib/vitals/metrics";
import { RECORD } from "@/lib/monitoring/prometheus-rules";

// A Grafana dashboard over Vigil's /metrics and the SLO recording rules; the datasource is a variable, so it
// imports into any Grafana with a Prometheus datasource.

// Grafana's import-time variable, written literally into the dashboard JSON.
export const DATASOURCE = { type: "prometheus", uid: "$" + "{DS_PROMETHEUS}" } as const;
const WIDTH = 24;
const J = 'job=~"$job"';
// One site at a time, as in the console (?site=): every series Vigil labels by site is filtered to it.
const S = 'site="$site"';
const JS = `${J},${S}`;
const RATE = "$__rate_interval";

type Target = { expr: string; legendFormat?: string; instant?: boolean };
type PanelSpec = {
  title: string;
  type: "timeseries" | "stat" | "table" | "bargauge";
  w: number;
  h?: number;
  unit?: string;
  description?: string;
  targets: Target[];
  extra?: Record<string, unknown>;
};
type Section = { row: string; panels: PanelSpec[] };

const requests = (sel = "") => `http_requests_total{${[JS, sel].filter(Boolean).join(",")}}`;
// Every histogram the dashboard reads (requests, vitals, probes) carries `site`.
const quantile = (q: number, metric: string, by: string[] = [], window = RATE) =>
  `histogram_quantile(${q}, sum by (${[...by, "le"].join(", ")}) (rate(${metric}_bucket{${JS}}[${window}])))`;

const SECTIONS: Section[] = [
  {
    row: "Requests",
    panels: [
      {
        title: "Request rate by status",
        type: "timeseries",
        w: 8,
        unit: "reqps",
        targets: [{ expr: `sum by (status) (rate(${requests()}[${RATE}]))`, legendFormat: "{{status}}" }],
      },
      {
        title: "5xx ratio",
        type: "timeseries",
        w: 8,
        unit: "percentunit",
        // A server that never answered 5xx has no such series: 0, not a gap.
        targets: [
          {
            expr: `(sum(rate(${requests('status=~"5.."')}[${RATE}])) or vector(0)) / sum(rate(${requests()}[${RATE}]))`,
            legendFormat: "5xx",
          },
        ],
      },
      {
        title: "Latency p50 / p95 / p99",
        type: "timeseries",
        w: 8,
        unit: "s",
        targets: [0.5, 0.95, 0.99].map((q) => ({
          expr: quantile(q, METRIC.httpDuration),
          legendFormat: `p${Math.round(q * 100)}`,
        })),
      },
      {
        title: "Routes over the time range",
        type: "table",
        w: WIDTH,
        h: 9,
        description:
          "Requests per second, share of 5xx and p95 latency per route template, over the dashboard's time range.",
        targets: [
          { expr: `sum by (route) (rate(${requests()}[$__range]))`, instant: true },
          {
            expr: `(sum by (route) (rate(${requests('status=~"5.."')}[$__range])) or 0 * sum by (route) (rate(${requests()}[$__range]))) / sum by (route) (rate(${requests()}[$__range]))`,
            instant: true,
          },
          { expr: quantile(0.95, METRIC.httpDuration, ["route"], "$__range"), instant: true },
        ],
        extra: {
          transformations: [
            { id: "merge", options: {} },
            {
              id: "organize",
              options: {
                excludeByName: { Time: true },
                renameByName: { "Value #A": "req/s", "Value #B": "5xx share", "Value #C": "p95 (s)" },
              },
            },
          ],
          fieldConfig: {
            defaults: {},
            overrides: [
              { matcher: { id: "byName", options: "5xx share" }, properties: [{ id: "unit", value: "percentunit" }] },
              { matcher: { id: "byName", options: "p95 (s)" }, properties: [{ id: "unit", value: "s" }] },
              { matcher: { id: "byName", options: "req/s" }, properties: [{ id: "unit", value: "reqps" }] },
            ],
          },
        },
      },
    ],
  },
  {
    row: "Web vitals (real users)",
    panels: [
      {
        title: "p75 of timing metrics",
        type: "timeseries",
        w: 16,
        unit: "s",
        targets: METRIC_NAMES.filter((m) => METRICS[m].unit === "ms").map((m) => ({
          expr: quantile(0.75, vitalMetricName(m)),
          legendFormat: m,
        })),
      },
      {
        title: "p75 of CLS",
        type: "timeseries",
        w: 8,
        unit: "none",
        targets: METRIC_NAMES.filter((m) => METRICS[m].unit === "score").map((m) => ({
          expr: quantile(0.75, vitalMetricName(m)),
          legendFormat: m,
        })),
      },
    ],
  },
  {
    // These counters belong to the Vigil instance, not to a site: the site variable does not apply.
    row: "Ingest, jobs and notifications (the whole instance, every site)",
    panels: [
      {
        title: "Beacons accepted and rejected",
        type: "timeseries",
        w: 8,
        unit: "ops",
        targets: [
          { expr: `sum(rate(vigil_ingest_beacons_accepted_total{${J}}[${RATE}]))`, legendFormat: "accepted" },
          {
            expr: `sum by (reason) (rate(vigil_ingest_beacons_rejected_total{${J}}[${RATE}]))`,
            legendFormat: "rejected: {{reason}}",
          },
        ],
      },
      {
        // Prometheus renames the metric's own `job` label to `exported_job`, since `job` names the scrape target.
        title: "Job runs by outcome",
        type: "timeseries",
        w: 8,
        unit: "short",
        targets: [
          {
            expr: `sum by (exported_job, outcome) (increase(vigil_job_runs_total{${J}}[${RATE}]))`,
            legendFormat: "{{exported_job}} {{outcome}}",
          },
        ],
      },
      {
        title: "Failed job runs (time range)",
        type: "stat",
        w: 8,
        unit: "short",
        targets: [
          {
            expr: `sum by (exported_job) (increase(vigil_job_runs_total{${J},outcome="failed"}[$__range]))`,
            legendFormat: "{{exported_job}}",
            instant: true,
          },
        ],
        extra: {
          fieldConfig: {
            defaults: {
              thresholds: {
                mode: "absolute",
                steps: [
                  { color: "green", value: null },
                  { color: "red", value: 1 },
                ],
              },
            },
            overrides: [],
          },
        },
      },
      {
        title: "Notification deliveries",
        type: "timeseries",
        w: WIDTH,
        h: 6,
        unit: "short",
        targets: [
          {
            expr: `sum by (kind, outcome) (increase(vigil_notification_deliveries_total{${J}}[${RATE}]))`,
            legendFormat: "{{kind}} {{outcome}}",
          },
        ],
      },
    ],
  },
  {
    row: "Uptime",
    panels: [
      {
        title: "Probe success ratio by monitor",
        type: "timeseries",
        w: 12,
        unit: "percentunit",
        targets: [
          {
            // A monitor that never succeeded has no outcome="up" series: count it as 0, not as missing.
            expr: `(sum by (monitor) (rate(vigil_probe_results_total{${JS},outcome="up"}[${RATE}])) or 0 * sum by (monitor) (rate(vigil_probe_results_total{${JS}}[${RATE}]))) / sum by (monitor) (rate(vigil_probe_results_total{${JS}}[${RATE}]))`,
            legendFormat: "{{monitor}}",
          },
        ],
      },
      {
        title: "Probe duration p95 by monitor",
        type: "timeseries",
        w: 12,
        unit: "s",
        targets: [{ expr: quantile(0.95, METRIC.probeDuration, ["monitor"]), legendFormat: "{{monitor}}" }],
      },
    ],
  },
  {
    row: "SLOs (from vigil-slo-rules.yml)",
    panels: [
      {
        title: "Error budget remaining",
        type: "bargauge",
        w: 8,
        h: 9,
        unit: "percentunit",
        description: "1 − (error ratio over the SLO window) / (1 − objective); below 0 the budget is overspent.",
        targets: [{ expr: `${RECORD.budgetRemaining}{slo=~"$slo",${S}}`, legendFormat: "{{slo}}", instant: true }],
        extra: {
          fieldConfig: {
            defaults: {
              min: -1,
              max: 1,
              thresholds: {
                mode: "absolute",
                steps: [
                  { color: "red", value: null },
                  { color: "orange", value: 0 },
                  { color: "green", value: 0.25 },
                ],
              },
            },
            overrides: [],
          },
          options: {
            orientation: "horizontal",
            displayMode: "gradient",
            reduceOptions: { calcs: ["lastNotNull"], fields: "", values: false },
          },
        },
      },
      {
        title: "Burn rate by window",
        type: "timeseries",
        w: 16,
        h: 9,
        unit: "x",
        description:
          "Error ratio over each alert window divided by the error budget: 1 spends the budget exactly over the SLO window.",
        targets: [
          {
            // The spec's constants carry no site (every site shares the specs): join them on the SLO alone.
            expr: `{__name__=~"slo:sli_error:ratio_rate.+",slo=~"$slo",${S}} / on (slo) group_left () ${RECORD.errorBudget}`,
            legendFormat: "{{slo}} {{window}}",
          },
        ],
      },
      {
        title: "SLI events",
        type: "timeseries",
        w: 12,
        unit: "ops",
        targets: [
          { expr: `${RECORD.eventsRate}{slo=~"$slo",${S}}`, legendFormat: "{{slo}} all" },
          { expr: `${RECORD.badEventsRate}{slo=~"$slo",${S}}`, legendFormat: "{{slo}} bad" },
        ],
      },
      {
        title: "Firing SLO alerts",
        type: "table",
        w: 12,
        targets: [
          {
            expr: `count by (slo, severity, rule, alertname) (ALERTS{alertstate="firing",slo=~"$slo",${S}})`,
            instant: true,
          },
        ],
        extra: { transformations: [{ id: "organize", options: { excludeByName: { Time: true, Value: true } } }] },
      },
    ],
  },
];

const REF_IDS = "ABCDEFGHIJ";

function panel(p: PanelSpec, id: number, x: number, y: number) {
  const base = {
    id,
    type: p.type,
    title: p.title,
    ...(p.description ? { description: p.description } : {}),
    datasource: DATASOURCE,
    gridPos: { h: p.h ?? 8, w: p.w, x, y },
    targets: p.targets.map((t, i) => ({
      datasource: DATASOURCE,
      refId: REF_IDS[i],
      expr: t.expr,
      ...(t.legendFormat ? { legendFormat: t.legendFormat } : {}),
      ...(t.instant ? { instant: true, range: false, format: "table" } : { range: true }),
    })),
    fieldConfig: { defaults: p.unit ? { unit: p.unit } : {}, overrides: [] },
    options: {},
  };
  const extra = p.extra ?? {};
  const fieldConfig = extra.fieldConfig as { defaults: object; overrides: unknown[] } | undefined;
  return {
    ...base,
    ...extra,
    fieldConfig: {
      defaults: { ...base.fieldConfig.defaults, ...fieldConfig?.defaults },
      overrides: fieldConfig?.overrides ?? [],
    },
  };
}

function layout(sections: Section[]) {
  const panels: object[] = [];
  let id = 1;
  let y = 0;
  for (const s of sections) {
    panels.push({
      id: id++,
      type: "row",
      title: s.row,
      collapsed: false,
      gridPos: { h: 1, w: WIDTH, x: 0, y },
      panels: [],
    });
    y += 1;
    let x = 0;
    let rowHeight = 0;
    for (const p of s.panels) {
      if (x + p.w > WIDTH) {
        y += rowHeight;
        x = 0;
        rowHeight = 0;
      }
      panels.push(panel(p, id++, x, y));
      x += p.w;
      rowHeight = Math.max(rowHeight, p.h ?? 8);
    }
    y += rowHeight;
  }
  return panels;
}

const queryVariable = (name: string, label: string, query: string) => ({
  name,
  label,
  type: "query",
  datasource: DATASOURCE,
  definition: query,
  query: { query, refId: `${name}-variable` },
  includeAll: true,
  multi: true,
  allValue: ".*",
  current: {},
  refresh: 2,
  sort: 1,
  hide: 0,
  options: [],
});

/** The site the panels show: one at a time (no "All"), Vigil's own by default. */
export const SITE_VARIABLE = {
  ...queryVariable("site", "Site", "label_values(http_requests_total, site)"),
  includeAll: false,
  multi: false,
  allValue: undefined,
  current: { selected: true, text: "vigil", value: "vigil" },
};

export const grafanaDashboard = () => ({
  uid: "vigil-overview",
  title: "Vigil",
  description:
    "Vigil's /metrics for one site (the site variable): requests, latency, web vitals, uptime probes and SLOs, beside the instance's ingest, jobs and notifications. Generated by scripts/monitoring/generate.ts.",
  tags: ["vigil", "slo"],
  timezone: "browser",
  editable: true,
  graphTooltip: 1,
  schemaVersion: 39,
  version: 1,
  refresh: "1m",
  time: { from: "now-6h", to: "now" },
  timepicker: {},
  annotations: { list: [] },
  links: [],
  templating: {
    list: [
      {
        name: "DS_PROMETHEUS",
        label: "Prometheus",
        type: "datasource",
        query: "prometheus",
        current: {},
        hide: 0,
        refresh: 1,
        regex: "",
        options: [],
      },
      SITE_VARIABLE,
      queryVariable("job", "Job", "label_values(http_requests_total, job)"),
      queryVariable("slo", "SLO", `label_values(${RECORD.info}, slo)`),
    ],
  },
  panels: layout(SECTIONS),
});
