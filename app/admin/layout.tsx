import type { ReactNode } from "react";
import Link from "next/link";
import { SidebarNav } from "@/components/admin/sidebar-nav";
import { SiteSwitcher } from "@/components/admin/site-switcher";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { requirePageSession } from "@/lib/auth/guard";
import { AnalyticsIdentity } from "@/components/analytics/analytics-identity";
import { SignOutForm } from "@/components/auth/sign-out-form";
import { logoutAction } from "@/app/login/actions";
import { loadSiteOptions } from "@/lib/sites/site-views";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { user } = await requirePageSession();
  // The shell names sites only (slug and name): keys and hints stay on the pages that may show them.
  const sites = await loadSiteOptions();
  return (
    <div className="min-h-screen md:grid md:grid-cols-[220px_1fr]">
      <aside className="border-b border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900 md:min-h-screen md:border-b-0 md:border-r">
        <Link href="/admin" className="mb-4 block px-3 text-lg font-semibold tracking-tight">
          Vigil
        </Link>
        <div className="mb-4">
          <SiteSwitcher sites={sites} manageHref={user.role === "admin" ? "/admin/settings#sites" : undefined} />
        </div>
        <SidebarNav />
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center justify-end gap-3 border-b border-zinc-200 bg-white px-6 py-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
          <span className="truncate text-zinc-600 dark:text-zinc-400" data-testid="current-user">
            {user.email}
          </span>
          <Badge>{user.role}</Badge>
          <ThemeToggle />
          <SignOutForm logout={logoutAction} />
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 p-6">{children}</main>
        <AnalyticsIdentity userId={user.id} role={user.role} />
      </div>
    </div>
  );
}
