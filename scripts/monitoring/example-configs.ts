import { SLO_RULES_FILE } from "@/lib/monitoring/slo-rules-files";
// Example configurations to copy and adapt: they are generated so that the tests check them like the rules.

export const RULES_FILE = SLO_RULES_FILE;
export const BUDGET_RULES_FILE = "vigil-vitals-budget-rules.yml";

export const prometheusConfig = () => ({
  global: {
    // 15 s keeps several samples inside the shortest alert window of a 7-day SLO (1 min).
    scrape_interval: "15s",
    evaluation_interval: "30s",
  },
  rule_files: [RULES_FILE, BUDGET_RULES_FILE],
  alerting: { alertmanagers: [{ static_configs: [{ targets: ["127.0.0.1:9093"] }] }] },
  scrape_configs: [
    {
      job_name: "vigil",
      metrics_path: "/metrics",
      scheme: "http",
      static_configs: [{ targets: ["127.0.0.1:3000"] }],
    },
  ],
});

/** Comment placed before the scrape config's `static_configs`: the token is optional, so it stays commented. */
export const BEARER_TOKEN_COMMENT = [
  " When Vigil has VIGIL_METRICS_TOKEN set, send it (the file holds the token alone):",
  " authorization:",
  "   type: Bearer",
  "   credentials_file: /etc/prometheus/vigil-metrics-token",
].join("\n");

const TITLE =
  '[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ .CommonLabels.site }} {{ .CommonLabels.slo }}: {{ .CommonAnnotations.summary }}';
const TEXT =
  "{{ range .Alerts }}{{ .Annotations.description }}{{ if .Annotations.runbook_url }}\nRunbook: {{ .Annotations.runbook_url }}{{ end }}\n{{ end }}";

// Every SLO alert is per site: one notification per site and SLO, and one site's page never mutes another's ticket.
export const alertmanagerConfig = () => ({
  global: { resolve_timeout: "5m" },
  route: {
    receiver: "tickets",
    group_by: ["site", "slo"],
    group_wait: "30s",
    group_interval: "5m",
    repeat_interval: "12h",
    routes: [
      {
        receiver: "pager",
        matchers: ['severity="page"'],
        group_by: ["site", "slo", "severity"],
        group_wait: "10s",
        repeat_interval: "1h",
      },
      {
        receiver: "tickets",
        matchers: ['severity="ticket"'],
        group_by: ["site", "slo", "severity"],
        repeat_interval: "24h",
      },
    ],
  },
  // A page says it all: the ticket for the same SLO on the same site would only repeat it.
  inhibit_rules: [
    { source_matchers: ['severity="page"'], target_matchers: ['severity="ticket"'], equal: ["site", "slo"] },
  ],
  receivers: [
    {
      name: "pager",
      pagerduty_configs: [
        {
          routing_key_file: "/etc/alertmanager/pagerduty-routing-key",
          severity: "critical",
          description: "{{ .CommonAnnotations.summary }}",
          send_resolved: true,
        },
      ],
    },
    {
      name: "tickets",
      slack_configs: [
        {
          api_url_file: "/etc/alertmanager/slack-webhook-url",
          channel: "#slo-tickets",
          send_resolved: true,
          title: TITLE,
          text: TEXT,
        },
      ],
    },
  ],
});

export const PAGER_COMMENT = [
  " PagerDuty (Events API v2; the file holds the routing key alone). Any other pager that takes Alertmanager's",
  " webhook JSON works too:",
  " webhook_configs:",
  "   - url: http://127.0.0.1:9095/alerts",
].join("\n");
