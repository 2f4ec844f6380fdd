import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { storableString } from "@/lib/http/storable-text";
import { findAckTarget, markAcknowledged } from "@/lib/slo/alert-ack-repository";

export const ACK_NOTE_MAX = 500;
export const AckInput = z.object({
  id: z
    .string()
    .regex(/^\d{1,18}$/, "Unknown alert")
    .transform((s) => BigInt(s)),
  note: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null),
    storableString().max(ACK_NOTE_MAX, `Note must be at most ${ACK_NOTE_MAX} characters`).nullable(),
  ),
});
export type AckInput = z.infer<typeof AckInput>;

/**
 * Someone takes a firing alert: who, when, an optional note. The alert keeps firing until its rule clears, and
 * nothing is sent again (notifications follow state changes only). Refused: unknown alerts, pending or resolved
 * ones (nothing to take), and a second acknowledgement (the first one stands, so the record says who took it).
 */
export async function acknowledgeAlert(
  input: AckInput,
  by: string,
  { siteId, now = new Date() }: { siteId?: number; now?: Date } = {},
): Promise<void> {
  const target = await findAckTarget(input.id);
  if (!target || (siteId !== undefined && target.siteId !== siteId))
    throw new AppError("not_found", "This alert does not exist.");
  if (await markAcknowledged(input.id, { by, note: input.note, at: now })) return;
  const current = (await findAckTarget(input.id)) ?? target;
  if (current.state === "resolved")
    throw new AppError("bad_request", "This alert is resolved: nothing to acknowledge.");
  if (current.state === "pending")
    throw new AppError("bad_request", "This alert is pending: it can be acknowledged once it fires.");
  throw new AppError(
    "bad_request",
    `Already acknowledged by ${current.acknowledgedBy ?? "someone"} at ${current.acknowledgedAt?.toISOString() ?? "?"}.`,
  );
}
