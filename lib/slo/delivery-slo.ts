import "server-only";
import { logger } from "@/lib/log/logger";
import { VIGIL_SITE_ID, VIGIL_SITE_SLUG } from "@/lib/sites/site-input";
import { addSloEvents } from "@/lib/slo/slo-event-repository";
import { telemetry } from "@/lib/telemetry/registry";

/** The custom SLO of Vigil's own site that its notification deliveries feed (config/slos.ts, `vigilOwnSlos`). */
export const DELIVERY_SLO = "notification-deliveries";

/**
 * Counts final delivery outcomes into the SLO: a delivered notification is a good event, one given up ("dead") a
 * bad one; retries are not final and count nothing yet. Never fails the delivery run: a lost count is logged.
 */
export async function recordDeliveryOutcomes(outcomes: readonly string[], now: Date): Promise<void> {
  const good = outcomes.filter((o) => o === "delivered").length;
  const total = good + outcomes.filter((o) => o === "dead").length;
  if (total === 0) return;
  try {
    await addSloEvents(VIGIL_SITE_ID, DELIVERY_SLO, { good, total }, now);
    const counter = telemetry().sloEvents;
    if (good) counter.inc({ site: VIGIL_SITE_SLUG, slo: DELIVERY_SLO, outcome: "good" }, good);
    if (total > good) counter.inc({ site: VIGIL_SITE_SLUG, slo: DELIVERY_SLO, outcome: "bad" }, total - good);
  } catch (err) {
    logger.warn({ err, good, total }, "could not count notification deliveries into their SLO");
  }
}
