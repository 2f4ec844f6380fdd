/** `all`: a page about every site, whose links never carry `?site=`; the others show the site in the URL. */
export type NavItem = { href: string; label: string; description: string; scope: "site" | "all" };

// One table drives the sidebar, page titles and the e2e route checks' expectations.
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/admin", label: "Overview", description: "Health of this site and of Vigil itself.", scope: "site" },
  {
    href: "/admin/vitals",
    label: "Web Vitals",
    description: "Real-user Core Web Vitals per route and device.",
    scope: "site",
  },
  {
    href: "/admin/requests",
    label: "Requests",
    description: "Rate, errors and duration of server requests.",
    scope: "site",
  },
  { href: "/admin/slos", label: "SLOs", description: "Objectives, error budgets and burn rates.", scope: "site" },
  { href: "/admin/uptime", label: "Uptime", description: "Scheduled probes and incidents.", scope: "site" },
  {
    href: "/admin/alerts",
    label: "Alerts",
    description: "Burn-rate and uptime alerts and their deliveries.",
    scope: "site",
  },
  {
    href: "/admin/sites",
    label: "All sites",
    description: "Every site Vigil watches, side by side over the last day and month.",
    scope: "all",
  },
  {
    href: "/admin/settings",
    label: "Settings",
    description: "Sites and their keys, monitors, users, notifications and configuration.",
    scope: "site",
  },
];

export const navItem = (href: string): NavItem =>
  NAV_ITEMS.find((i) => i.href === href) ?? { href, label: href, description: "", scope: "site" };

/** The section a path belongs to: the item with the longest href that is the path or a folder of it. */
export function sectionOf(pathname: string): NavItem | undefined {
  return [...NAV_ITEMS]
    .sort((a, b) => b.href.length - a.href.length)
    .find((i) => pathname === i.href || pathname.startsWith(`${i.href}/`));
}
