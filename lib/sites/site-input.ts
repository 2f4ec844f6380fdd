import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";
import { canonicalOrigin } from "@/lib/sites/origins";

export { VIGIL_SITE_ID, VIGIL_SITE_SLUG } from "@/lib/sites/vigil-site";
export const MAX_ORIGINS = 20;

export const SiteSlug = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,39}$/,
    "Slug: 2–40 lowercase letters, digits and dashes, starting with a letter or digit",
  );

/** Origins as typed in Settings: one per line or comma-separated; each must be an http(s) origin or "*". */
const Origins = z
  .string()
  .max(4096, "Allowed origins: at most 4,096 characters")
  .transform((text, ctx) => {
    const values = text
      .split(/[\s,]+/)
      .map((v) => v.trim())
      .filter(Boolean);
    const origins: string[] = [];
    for (const value of values) {
      const origin = canonicalOrigin(value);
      if (!origin) {
        ctx.addIssue({ code: "custom", message: `"${value.slice(0, 80)}" is not an origin like https://shop.example` });
        return z.NEVER;
      }
      if (!origins.includes(origin)) origins.push(origin);
    }
    if (origins.length > MAX_ORIGINS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_ORIGINS} allowed origins` });
      return z.NEVER;
    }
    return origins;
  });

export const SiteInput = z.object({
  name: storableString().trim().min(1, "Name is required").max(120, "Name: at most 120 characters"),
  slug: SiteSlug,
  allowedOrigins: Origins,
});
export type SiteInput = z.infer<typeof SiteInput>;

export const SITE_FIELDS = ["name", "slug", "allowedOrigins"] as const;
export type SiteField = (typeof SITE_FIELDS)[number];
