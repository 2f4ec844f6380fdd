import type { OverallState, PublicState } from "@/lib/status/overall-state";
import type { TimelineEntry } from "@/lib/status/timeline";
import type { Segment } from "@/lib/uptime/status-bar";

/** Incidents the status page lists: open ones and those of the last this many days. */
export const STATUS_INCIDENT_DAYS = 14;

/** Everything /status/<slug> shows. Built from named fields only: no URL, token, error text or author. */
export type StatusPageView = {
  title: string;
  description: string | null;
  generatedAt: number;
  state: OverallState;
  barStepMs: number;
  /** `key`: the monitor's position, a React key that names nothing internal. */
  monitors: Array<{ key: string; name: string; state: PublicState; uptime: string; bars: Segment[] }>;
  /** Active and upcoming maintenance windows: the running or next occurrence of each (ms). */
  maintenance: Array<{
    key: string;
    title: string;
    /** How a recurring window repeats; null for a one-off. */
    schedule: string | null;
    scope: string;
    active: boolean;
    from: number;
    to: number;
  }>;
  incidents: Array<{
    id: string;
    monitorName: string;
    open: boolean;
    openedAt: number;
    resolvedAt: number | null;
    entries: TimelineEntry[];
  }>;
};
