// What each not-yet-collecting section will show and what it needs; kept true to what this build actually does.
export type PendingSection = { title: string; what: string; status: string[] };

export const PENDING_SECTIONS: Record<string, PendingSection> = {
  "/admin/slos": {
    title: "No SLOs yet",
    what: "Service level objectives turn request, latency, uptime and web-vitals data into error budgets and burn-rate alerts.",
    status: ["SLO definitions and their evaluation are not part of this build yet.", "They need request metrics or web-vitals data to compute anything."],
  },
  "/admin/alerts": {
    title: "No alerts",
    what: "Burn-rate and uptime alerts will appear here with their state (pending, firing, resolved) and notification deliveries.",
    status: ["Alerting is not part of this build yet: nothing is evaluated and no notification is sent."],
  },
};
