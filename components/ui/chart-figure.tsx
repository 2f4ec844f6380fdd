"use client";
import type { ReactElement, ReactNode } from "react";
import { ResponsiveContainer } from "recharts";

/** A captioned, labelled chart box; `children` is one recharts chart. */
export function ChartFigure({
  label,
  caption,
  children,
  className = "h-60",
}: {
  label: string;
  caption: ReactNode;
  children: ReactElement;
  className?: string;
}) {
  return (
    <figure>
      <figcaption className="mb-2 text-xs font-medium text-muted">{caption}</figcaption>
      <div className={`${className} w-full`} role="img" aria-label={label}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
