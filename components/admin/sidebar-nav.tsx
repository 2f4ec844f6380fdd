"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { NAV_ITEMS } from "@/components/admin/nav-items";
import { cn } from "@/components/ui/cn";
import { SITE_PARAM, siteHref } from "@/lib/sites/site-href";

/** The sections; links of per-site sections keep the site in the URL (the layout cannot read search params). */
export function SidebarNav() {
  const pathname = usePathname();
  const site = useSearchParams().get(SITE_PARAM);
  const isActive = (href: string) =>
    href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Admin" className="flex gap-1 overflow-x-auto md:flex-col">
      {NAV_ITEMS.map((item) => (
        <Link
          key={item.href}
          href={item.scope === "site" ? siteHref(item.href, site) : item.href}
          aria-current={isActive(item.href) ? "page" : undefined}
          className={cn(
            "whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium",
            isActive(item.href)
              ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
              : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
