import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
/** Empty means "use the site's name" / "no description". */
const optionalText = (max: number, label: string) =>
  storableString()
    .trim()
    .max(max, `${label}: at most ${max} characters`)
    .transform((s) => (s === "" ? null : s));

export const StatusPageInput = z.object({
  enabled: checkbox,
  title: optionalText(120, "Title"),
  description: optionalText(500, "Description"),
});
export type StatusPageInput = z.infer<typeof StatusPageInput>;

export const STATUS_PAGE_FIELDS = ["enabled", "title", "description"] as const;
export type StatusPageField = (typeof STATUS_PAGE_FIELDS)[number];
