import type { ReactNode } from "react";
import { navItem } from "@/components/admin/nav-items";

export function PageHeader({ href, actions }: { href: string; actions?: ReactNode }) {
  const item = navItem(href);
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{item.label}</h1>
        <p className="mt-1 text-sm text-muted">{item.description}</p>
      </div>
      {actions}
    </header>
  );
}
