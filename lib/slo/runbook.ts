import type { SloSpec } from "@/lib/slo/spec";

/** RUNBOOK.md's entry for each kind: where an SLO created without its own runbook link sends the on-call. */
export const KIND_RUNBOOK: Record<SloSpec["kind"], string> = {
  availability: "RUNBOOK.md#api-availability",
  latency: "RUNBOOK.md#request-latency",
  vitals: "RUNBOOK.md#lcp-good",
  uptime: "RUNBOOK.md#uptime",
  custom: "RUNBOOK.md#event-success",
};

/** The SLO's own runbook link, else its kind's entry (an SLO with an unknown kind: none). */
export const runbookOf = (spec: Pick<SloSpec, "runbookUrl"> & { kind?: SloSpec["kind"] }): string | null =>
  spec.runbookUrl ?? (spec.kind ? KIND_RUNBOOK[spec.kind] : null);
