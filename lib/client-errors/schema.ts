import { z } from "zod";
import { RouteTemplate, SiteKey } from "@/lib/vitals/beacon-schema";

export const MAX_CLIENT_ERROR_BYTES = 8 * 1024;

/** What the browser reporter sends when a page is hidden: uncaught errors counted per route template. */
export const ClientErrorReport = z.object({
  v: z.literal(1),
  site: SiteKey.optional(),
  errors: z
    .array(z.object({ route: RouteTemplate, count: z.number().int().min(1).max(1_000) }))
    .min(1)
    .max(20),
});
export type ClientErrorReport = z.infer<typeof ClientErrorReport>;
