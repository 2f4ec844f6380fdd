import { defineSlos } from "@/lib/slo/spec";

// Vigil's own service level objectives. Ids key alerts and the generated Prometheus rules: keep them stable.
// After editing, run `npm run monitoring:generate` so monitoring/ matches. Field reference: docs/SLOS.md.
export default defineSlos([
  {
    id: "api-availability",
    name: "API availability",
    description: "Share of API requests answered without a server error (5xx).",
    kind: "availability",
    routePrefix: "/api/",
    objective: 0.999,
    window: "30d",
    owner: "platform",
    runbookUrl: "RUNBOOK.md#api-availability",
  },
  {
    id: "request-latency",
    name: "Request latency",
    description: "95 % of requests complete in under 400 ms (server time).",
    kind: "latency",
    thresholdMs: 400,
    objective: 0.95,
    window: "30d",
    owner: "platform",
    runbookUrl: "RUNBOOK.md#request-latency",
  },
  {
    id: "lcp-good",
    name: "LCP good ratio",
    description: "At least 75 % of page views have a good Largest Contentful Paint (≤ 2.5 s).",
    kind: "vitals",
    metric: "LCP",
    objective: 0.75,
    window: "30d",
    owner: "frontend",
    alerting: { minEvents: 50, absentMinutes: 0 },
    runbookUrl: "RUNBOOK.md#lcp-good",
  },
  {
    id: "uptime",
    name: "Uptime",
    description: "The built-in probe of /api/health/ready succeeds 99.9 % of the time.",
    kind: "uptime",
    monitor: "vigil",
    objective: 0.999,
    window: "30d",
    owner: "platform",
    alerting: { minEvents: 10, absentMinutes: 15 },
    runbookUrl: "RUNBOOK.md#uptime",
  },
]);

// SLOs of Vigil's own site only (site 1, seeded by migration 0010): fed by Vigil itself, not by the apps it watches.
export const vigilOwnSlos = defineSlos([
  {
    id: "notification-deliveries",
    name: "Notification deliveries",
    description:
      "Share of Vigil's notifications delivered to their channel, counted at each delivery's final outcome (delivered, or given up).",
    kind: "custom",
    objective: 0.99,
    window: "30d",
    owner: "platform",
    alerting: { minEvents: 20, absentMinutes: 0 },
    runbookUrl: "RUNBOOK.md#notification-deliveries",
  },
]);
