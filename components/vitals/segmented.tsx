import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** A row of links acting as a single-choice control; works without client JavaScript. */
export function Segmented({
  label,
  options,
}: {
  label: string;
  options: Array<{ label: string; href: string; active: boolean }>;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of links, not of form controls (no fieldset)
    <div
      role="group"
      aria-label={label}
      className="inline-flex rounded-lg border border-zinc-200 bg-white p-0.5 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      {options.map((o) => (
        <Link
          key={o.label}
          href={o.href}
          aria-current={o.active ? "true" : undefined}
          className={cn(
            "rounded-md px-2.5 py-1",
            o.active
              ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
              : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
          )}
        >
          {o.label}
        </Link>
      ))}
    </div>
  );
}
