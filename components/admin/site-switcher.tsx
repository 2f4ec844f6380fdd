"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { sectionOf } from "@/components/admin/nav-items";
import { cn } from "@/components/ui/cn";
import { SITE_PARAM, siteHref } from "@/lib/sites/site-href";
import type { SiteOption } from "@/lib/sites/site-views";
import { VIGIL_SITE_SLUG } from "@/lib/sites/vigil-site";

/**
 * Which site the console shows, and the same section for another one (its filters dropped: they name routes and
 * monitors of this site). The layout loads the sites; the current one comes from the URL, read here because a
 * layout cannot read search params. On a page about all sites, a site opens on its Overview.
 */
export function SiteSwitcher({ sites, manageHref }: { sites: SiteOption[]; manageHref?: string }) {
  const pathname = usePathname();
  const slug = useSearchParams().get(SITE_PARAM) ?? VIGIL_SITE_SLUG;
  const section = sectionOf(pathname);
  const perSite = section?.scope !== "all";
  const current = perSite ? sites.find((s) => s.slug === slug) : undefined;
  const target = perSite && section ? section.href : "/admin";
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const close = () => setOpen(false);
  return (
    <div ref={root} className="relative" data-testid="site-switcher">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between gap-2 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-500 dark:border-zinc-800 dark:bg-zinc-950 dark:hover:bg-zinc-800"
      >
        <span className="min-w-0">
          <span className="block text-[11px] font-medium uppercase tracking-wide text-muted">Site</span>
          <span className="block truncate text-sm font-semibold" data-testid="site-switcher-current">
            {current ? current.name : perSite ? slug : "All sites"}
          </span>
          {current ? <span className="block truncate font-mono text-xs text-muted">{current.slug}</span> : null}
        </span>
        <span aria-hidden="true" className={cn("text-xs text-muted transition-transform", open && "rotate-180")}>
          ▾
        </span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full z-30 mt-1 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        <ul aria-label="Sites" className="max-h-80 overflow-y-auto">
          {sites.map((s) => {
            const active = s.slug === current?.slug;
            return (
              <li key={s.slug}>
                <Link
                  href={siteHref(target, s.slug)}
                  onClick={close}
                  aria-current={active ? "true" : undefined}
                  className={cn(
                    "block rounded-md px-2.5 py-1.5 text-sm",
                    active
                      ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                      : "hover:bg-zinc-100 dark:hover:bg-zinc-800",
                  )}
                >
                  <span className="block truncate font-medium">{s.name}</span>
                  <span className={cn("block truncate font-mono text-xs", active ? "opacity-80" : "text-muted")}>
                    {s.slug}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="mt-1 flex flex-col border-t border-zinc-100 pt-1 text-sm dark:border-zinc-800">
          <Link
            href="/admin/sites"
            onClick={close}
            className="rounded-md px-2.5 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            Compare every site →
          </Link>
          {manageHref ? (
            <Link
              href={manageHref}
              onClick={close}
              className="rounded-md px-2.5 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              Add or edit sites →
            </Link>
          ) : null}
        </div>
      </div>
    </div>
  );
}
