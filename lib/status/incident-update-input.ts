import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";

/** Labels the form suggests (Statuspage's words); any other short label is accepted too. */
export const UPDATE_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export const MAX_UPDATE_BODY = 2000;

// Form fields arrive as strings; an unchecked checkbox is absent.
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const IncidentUpdateInput = z.object({
  incident: z.string().regex(/^[1-9][0-9]{0,17}$/, "Unknown incident."),
  status: storableString()
    .trim()
    .min(1, "Status is required")
    .max(40, "Status: at most 40 characters")
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} '’.,&/-]*$/u, "Status: letters, digits, spaces and simple punctuation"),
  body: storableString()
    .trim()
    .min(1, "Say what happened")
    .max(MAX_UPDATE_BODY, `Update: at most ${MAX_UPDATE_BODY.toLocaleString("en")} characters`),
  public: checkbox,
});
export type IncidentUpdateInput = z.infer<typeof IncidentUpdateInput>;

export const INCIDENT_UPDATE_FIELDS = ["incident", "status", "body", "public"] as const;
export type IncidentUpdateField = (typeof INCIDENT_UPDATE_FIELDS)[number];
