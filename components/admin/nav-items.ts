export type NavItem = { href: string; label: string; description: string };

// One table drives the sidebar, page titles and the e2e route checks' expectations.
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/admin", label: "Overview", description: "Health of Vigil and the systems it watches." },
  { href: "/admin/vitals", label: "Web Vitals", description: "Real-user Core Web Vitals per route and device." },
  { href: "/admin/requests", label: "Requests", description: "Rate, errors and duration of server requests." },
  { href: "/admin/slos", label: "SLOs", description: "Objectives, error budgets and burn rates." },
  { href: "/admin/uptime", label: "Uptime", description: "Scheduled probes and incidents." },
  { href: "/admin/alerts", label: "Alerts", description: "Burn-rate and uptime alerts and their deliveries." },
  { href: "/admin/settings", label: "Settings", description: "Configuration, users and roles." },
];

export const navItem = (href: string): NavItem =>
  NAV_ITEMS.find((i) => i.href === href) ?? { href, label: href, description: "" };
