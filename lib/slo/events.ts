import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { siteSlugOf } from "@/lib/sites/site-directory";
import { addSloEvents } from "@/lib/slo/slo-event-repository";
import { activeSlos } from "@/lib/slo/slo-store";
import type { SloSpec } from "@/lib/slo/spec";
import { telemetry } from "@/lib/telemetry/registry";

export const MAX_SLO_EVENT_BYTES = 1024;
const MAX_EVENTS = 1_000_000;

/** What an app reports for a custom SLO: how many events happened and how many of them were good. */
export const SloEventReport = z
  .object({
    slo: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "an SLO id"),
    good: z.number().int().min(0).max(MAX_EVENTS),
    total: z.number().int().min(1).max(MAX_EVENTS),
  })
  .strict()
  .refine((r) => r.good <= r.total, { path: ["good"], message: "good cannot exceed total" });
export type SloEventReport = z.infer<typeof SloEventReport>;

/** Adds a report into its SLO's minute (slo_event_rollups) and counts it; only active custom SLOs of the site accept events. */
export async function recordSloEvents(
  siteId: number,
  report: SloEventReport,
  specs?: readonly SloSpec[],
  now = new Date(),
): Promise<void> {
  const spec = (specs ?? (await activeSlos(siteId)).map((s) => s.spec)).find((s) => s.id === report.slo);
  if (!spec) throw new AppError("not_found", `No active SLO "${report.slo}" on this site.`);
  if (spec.kind !== "custom")
    throw new AppError(
      "bad_request",
      `SLO "${spec.id}" is measured from ${spec.kind} data; only custom SLOs take reported events.`,
    );
  await addSloEvents(siteId, spec.id, { good: report.good, total: report.total }, now);
  const counter = telemetry().sloEvents;
  const site = siteSlugOf(siteId);
  if (report.good) counter.inc({ site, slo: spec.id, outcome: "good" }, report.good);
  if (report.total > report.good) counter.inc({ site, slo: spec.id, outcome: "bad" }, report.total - report.good);
}
