import type { ReactNode } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import type { MaintenanceState, MaintenanceView } from "@/lib/maintenance/maintenance-view";

const TONE: Record<MaintenanceState, Tone> = { active: "warn", upcoming: "neutral", past: "neutral" };
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Maintenance windows, one row each; `actions` (admins only) renders the edit and delete controls of a row. */
export function MaintenanceList({
  windows,
  actions,
}: {
  windows: MaintenanceView[];
  actions?: (w: MaintenanceView) => ReactNode;
}) {
  return (
    <ul
      className="divide-y divide-zinc-100 border-y border-zinc-100 dark:divide-zinc-800 dark:border-zinc-800"
      aria-label="Maintenance windows"
    >
      {windows.map((w) => (
        <li key={w.id} className="py-3" data-testid="maintenance-row" data-state={w.state}>
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{w.title}</span>
            <Badge tone={TONE[w.state]}>{w.state === "active" ? "in maintenance now" : w.state}</Badge>
          </p>
          <p className="mt-1 text-xs">{w.schedule}</p>
          <p className="mt-1 text-xs text-muted">
            {w.scope}
            {w.next
              ? ` · ${w.state === "active" ? "until" : "next"} ${utc(w.state === "active" ? w.next.to : w.next.from)}`
              : ""}
            {w.createdBy ? ` · by ${w.createdBy}` : ""}
          </p>
          {actions ? actions(w) : null}
        </li>
      ))}
    </ul>
  );
}
