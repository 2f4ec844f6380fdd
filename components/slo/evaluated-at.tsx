import { fullLabel } from "@/components/requests/time-ticks";

/** When the evaluator last ran (job_runs), so a stale page or a stopped scheduler is visible. */
export function EvaluatedAt({ at }: { at: string | null }) {
  return (
    <p className="text-xs text-muted" data-testid="last-evaluated">
      {at
        ? `Alerts last evaluated ${fullLabel(Date.parse(at))} · every minute`
        : "Alerts not evaluated yet: the slo-evaluate job runs every minute."}
    </p>
  );
}
