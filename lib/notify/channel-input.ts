import { isIP } from "node:net";
import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";
import { isPublicAddress } from "@/lib/net/address-policy";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

const MAX_RECIPIENTS = 10;

function privateHostRule(url: URL, allowPrivate: boolean, ctx: z.RefinementCtx) {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const local = host === "localhost" || host.endsWith(".localhost") || (isIP(host) !== 0 && !isPublicAddress(host));
  if (local && !allowPrivate)
    ctx.addIssue({
      code: "custom",
      path: ["url"],
      message: "This is a private or loopback address: tick “Allow private addresses” to use it.",
    });
}

/** smtp(s)://[user[:password]@]host[:port], a sender, 1–10 recipients; the password may sit in the URL or apart. */
function emailRules(
  v: { url: string; secret?: string; allowPrivate: boolean; emailFrom?: string; emailTo: string[] },
  ctx: z.RefinementCtx,
) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!v.emailFrom) issue("emailFrom", "Enter the sender's address.");
  if (v.emailTo.length === 0) issue("emailTo", "Enter at least one recipient.");
  let url: URL;
  try {
    url = new URL(v.url);
  } catch {
    return;
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    return issue("url", "Enter an smtp:// or smtps:// URL, e.g. smtps://user@smtp.example.com:465.");
  if (url.pathname.replace(/^\//, "") || url.search || url.hash)
    issue("url", "Only smtp(s)://user@host:port: no path or options.");
  if (v.secret && !url.username) issue("secret", "A password needs a user: put it in the URL (smtps://user@host).");
  if (url.password && v.secret) issue("secret", "The URL holds a password already: give it once.");
  privateHostRule(url, v.allowPrivate, ctx);
}

/** A new channel from the Settings form. The URL is checked again at every send (DNS may change); here only early. */
export const ChannelInput = z
  .object({
    name: z.preprocess(
      trimmed,
      storableString().min(1, "Name is required.").max(120, "Name must be at most 120 characters."),
    ),
    kind: z.enum(["slack", "webhook", "email"], { error: "Choose Slack, webhook or email." }),
    url: z.preprocess(
      trimmed,
      storableString()
        .min(1, "URL is required.")
        .max(2048, "URL must be at most 2048 characters.")
        .pipe(z.url({ error: "Enter a valid URL." })),
    ),
    secret: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
      storableString().max(200, "Secret must be at most 200 characters.").optional(),
    ),
    allowPrivate: checkbox,
    emailFrom: z.preprocess(
      (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
      z.email({ error: "Enter the sender's address, e.g. vigil@example.com." }).max(254).optional(),
    ),
    emailTo: z.preprocess(
      (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v),
      z
        .array(z.email({ error: "Each recipient must be an email address." }).max(254))
        .max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} recipients.`)
        .default([]),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "email") return emailRules(v, ctx);
    if (v.kind === "webhook" && v.secret && v.secret.length < 16)
      ctx.addIssue({ code: "custom", path: ["secret"], message: "Secret must be at least 16 characters." });
    if (v.emailFrom || v.emailTo.length)
      ctx.addIssue({ code: "custom", path: ["emailTo"], message: "Sender and recipients are for email channels." });
    if (!/^https?:/.test(v.url))
      ctx.addIssue({ code: "custom", path: ["url"], message: "Enter an http:// or https:// URL." });
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
    privateHostRule(url, v.allowPrivate, ctx);
  });
export type ChannelInput = z.infer<typeof ChannelInput>;
export const CHANNEL_FIELDS = ["name", "kind", "url", "secret", "allowPrivate", "emailFrom", "emailTo"] as const;
export type ChannelField = (typeof CHANNEL_FIELDS)[number];
/** After a successful add: the generated signing secret (null when the admin gave one), shown this once. */
export type ChannelCreated = { name: string; secret: string | null };
