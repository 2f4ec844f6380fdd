import type { ReactNode } from "react";
import { navItem } from "@/components/admin/nav-items";
import type { SiteOption } from "@/lib/sites/site-views";

/** A section's title; pages of one site name it ("Web Vitals · shop"), so a screenshot says whose data it is. */
export function PageHeader({
  href,
  site,
  actions,
  links,
}: {
  href: string;
  site?: SiteOption;
  actions?: ReactNode;
  /** Small links beside the description (e.g. to all sites). */
  links?: ReactNode;
}) {
  const item = navItem(href);
  return (
    <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight">
          {item.label}
          {site ? (
            <>
              {" "}
              <span className="font-normal text-muted">·</span>{" "}
              <span data-testid="page-site" data-site={site.slug}>
                {site.name}
              </span>
            </>
          ) : null}
        </h1>
        <p className="mt-1 text-sm text-muted">
          {site && site.name !== site.slug ? (
            <>
              <span className="font-mono text-xs">{site.slug}</span> ·{" "}
            </>
          ) : null}
          {item.description}
          {links ? <> {links}</> : null}
        </p>
      </div>
      {actions}
    </header>
  );
}
