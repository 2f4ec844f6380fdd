/** One line of an incident's timeline, as the console and the status page show it. */
export type TimelineEntry =
  | { kind: "opened"; at: number }
  | { kind: "update"; at: number; id: string; status: string; body: string; public: boolean; author: string | null }
  | { kind: "resolved"; at: number };

export type TimelineUpdate = {
  id: string;
  at: number;
  status: string;
  body: string;
  public: boolean;
  author: string | null;
};

/**
 * Opened first, resolved last, updates between in time order. An update written after the resolution (a
 * post-mortem note) still comes after "resolved"; ties keep the order the updates were written in.
 */
export function timelineEntries(
  incident: { openedAt: number; resolvedAt: number | null },
  updates: readonly TimelineUpdate[],
): TimelineEntry[] {
  const events: TimelineEntry[] = [
    { kind: "opened", at: incident.openedAt },
    ...updates.map((u) => ({ kind: "update" as const, ...u })),
  ];
  if (incident.resolvedAt !== null) events.push({ kind: "resolved", at: incident.resolvedAt });
  const rank = (e: TimelineEntry) => (e.kind === "opened" ? 0 : e.kind === "update" ? 1 : 2);
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}
