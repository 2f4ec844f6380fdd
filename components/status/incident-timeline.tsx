import { Badge } from "@/components/ui/badge";
import type { TimelineEntry } from "@/lib/status/timeline";

export const utcMinute = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * Opened, each update, resolved, oldest first. The console passes every update with its author; the status page
 * passes public ones only, without authors (`audience` says which labels to show).
 */
export function IncidentTimeline({
  entries,
  audience,
  openedLabel = "Opened: the monitor failed its consecutive checks.",
}: {
  entries: TimelineEntry[];
  audience: "console" | "public";
  openedLabel?: string;
}) {
  return (
    <ol className="relative space-y-4 border-l border-zinc-200 pl-5 dark:border-zinc-700" data-testid="timeline">
      {entries.map((e) => (
        <li
          key={e.kind === "update" ? `u${e.id}` : e.kind}
          className="relative"
          data-testid="timeline-entry"
          data-kind={e.kind}
          data-public={e.kind === "update" ? String(e.public) : undefined}
        >
          <span
            aria-hidden="true"
            className="absolute top-1.5 -left-[25px] h-2.5 w-2.5 rounded-full border-2 border-white bg-zinc-400 dark:border-zinc-900"
          />
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <time dateTime={new Date(e.at).toISOString()} className="font-mono text-xs text-muted">
              {utcMinute(e.at)}
            </time>
            {e.kind === "opened" ? <Badge tone="poor">opened</Badge> : null}
            {e.kind === "resolved" ? <Badge tone="good">resolved</Badge> : null}
            {e.kind === "update" ? <Badge tone="neutral">{e.status}</Badge> : null}
            {e.kind === "update" && audience === "console" ? (
              <Badge tone={e.public ? "warn" : "neutral"}>{e.public ? "public" : "internal note"}</Badge>
            ) : null}
          </p>
          {e.kind === "opened" ? <p className="mt-1 text-sm">{openedLabel}</p> : null}
          {e.kind === "resolved" ? <p className="mt-1 text-sm">Resolved: checks pass again.</p> : null}
          {e.kind === "update" ? (
            <>
              <p className="mt-1 text-sm whitespace-pre-line break-words" data-testid="timeline-body">
                {e.body}
              </p>
              {audience === "console" && e.author ? <p className="mt-0.5 text-xs text-muted">by {e.author}</p> : null}
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
