import { isIP } from "node:net";
import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";
import { isPublicAddress } from "@/lib/net/address-policy";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

/** A new channel from the Settings form. The URL is checked again at every send (DNS may change); here only early. */
export const ChannelInput = z
  .object({
    name: z.preprocess(
      trimmed,
      storableString().min(1, "Name is required.").max(120, "Name must be at most 120 characters."),
    ),
    kind: z.enum(["slack", "webhook"], { error: "Choose Slack or webhook." }),
    url: z.preprocess(
      trimmed,
      storableString()
        .min(1, "URL is required.")
        .max(2048, "URL must be at most 2048 characters.")
        .pipe(z.url({ protocol: /^https?$/, error: "Enter an http:// or https:// URL." })),
    ),
    secret: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
      storableString()
        .min(16, "Secret must be at least 16 characters.")
        .max(200, "Secret must be at most 200 characters.")
        .optional(),
    ),
    allowPrivate: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.kind === "slack" && v.secret)
      ctx.addIssue({
        code: "custom",
        path: ["secret"],
        message: "Slack webhooks are not signed: leave the secret empty.",
      });
    let url: URL;
    try {
      url = new URL(v.url);
    } catch {
      return;
    }
    if (url.username || url.password)
      ctx.addIssue({ code: "custom", path: ["url"], message: "Put credentials in the secret, not in the URL." });
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const local = host === "localhost" || host.endsWith(".localhost") || (isIP(host) !== 0 && !isPublicAddress(host));
    if (local && !v.allowPrivate)
      ctx.addIssue({
        code: "custom",
        path: ["url"],
        message: "This is a private or loopback address: tick “Allow private addresses” to use it.",
      });
  });
export type ChannelInput = z.infer<typeof ChannelInput>;
export const CHANNEL_FIELDS = ["name", "kind", "url", "secret", "allowPrivate"] as const;
export type ChannelField = (typeof CHANNEL_FIELDS)[number];
/** After a successful add: the generated signing secret (null when the admin gave one), shown this once. */
export type ChannelCreated = { name: string; secret: string | null };
