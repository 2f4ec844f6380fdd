import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";

export const BUILT_IN_SLUG = "vigil";
export const PROBE_METHODS = ["GET", "HEAD", "POST"] as const;
export const LIMITS = {
  timeoutSeconds: [1, 30],
  httpIntervalSeconds: [30, 3600],
  // Heartbeats come from crons, which often run hourly or daily.
  heartbeatIntervalSeconds: [30, 7 * 86_400],
  graceSeconds: [0, 86_400],
  failureThreshold: [1, 10],
} as const;

// Form fields arrive as strings; an unchecked checkbox is absent.
const int = (label: string, [min, max]: readonly [number, number]) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z
      .number({ error: `${label} must be a number` })
      .int(`${label} must be a whole number`)
      .min(min, `${label} must be at least ${min}`)
      .max(max, `${label} must be at most ${max}`),
  );
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const blankToNull = (v: unknown) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "")
    ? null
    : typeof v === "string"
      ? v.trim()
      : v;

const name = storableString().trim().min(1, "Name is required").max(120, "Name must be at most 120 characters");
const slug = z.preprocess(
  blankToNull,
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Slug: lowercase letters, digits and dashes, at most 63")
    .refine((s) => s !== BUILT_IN_SLUG, `"${BUILT_IN_SLUG}" is the built-in self-check`)
    .nullable(),
);
const url = z
  .string()
  .trim()
  .min(1, "URL is required")
  .max(2048, "URL must be at most 2048 characters")
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), "URL must be an http:// or https:// address")
  .refine(
    (s) => !URL.canParse(s) || (!new URL(s).username && !new URL(s).password),
    "URL must not carry a user name or password",
  );

const common = { name, slug, failureThreshold: int("Failure threshold", LIMITS.failureThreshold) };

export const HttpMonitorInput = z
  .object({
    kind: z.literal("http"),
    ...common,
    method: z.enum(PROBE_METHODS, { error: "Method must be GET, HEAD or POST" }),
    url,
    expectedStatus: int("Expected status", [100, 599]),
    bodyContains: z.preprocess(
      blankToNull,
      storableString().max(200, "Body text must be at most 200 characters").nullable(),
    ),
    timeoutSeconds: int("Timeout", LIMITS.timeoutSeconds),
    intervalSeconds: int("Interval", LIMITS.httpIntervalSeconds),
    allowPrivate: checkbox,
  })
  .superRefine((v, ctx) => {
    if (v.method === "HEAD" && v.bodyContains)
      ctx.addIssue({
        code: "custom",
        path: ["bodyContains"],
        message: "A HEAD response has no body: leave the body text empty or use GET",
      });
    if (v.timeoutSeconds > v.intervalSeconds)
      ctx.addIssue({ code: "custom", path: ["timeoutSeconds"], message: "Timeout must not exceed the interval" });
  });
export type HttpMonitorInput = z.infer<typeof HttpMonitorInput>;

export const HeartbeatMonitorInput = z.object({
  kind: z.literal("heartbeat"),
  ...common,
  intervalSeconds: int("Interval", LIMITS.heartbeatIntervalSeconds),
  graceSeconds: int("Grace", LIMITS.graceSeconds),
});
export type HeartbeatMonitorInput = z.infer<typeof HeartbeatMonitorInput>;

export const MonitorInput = z.discriminatedUnion("kind", [HttpMonitorInput, HeartbeatMonitorInput], {
  error: "Type must be HTTP or heartbeat",
});
export type MonitorInput = z.infer<typeof MonitorInput>;

export const MONITOR_FIELDS = [
  "kind",
  "name",
  "slug",
  "method",
  "url",
  "expectedStatus",
  "bodyContains",
  "timeoutSeconds",
  "intervalSeconds",
  "failureThreshold",
  "allowPrivate",
  "graceSeconds",
] as const;
export type MonitorField = (typeof MONITOR_FIELDS)[number];
/** What the verbs refuse with: per field, or `form` for the monitor as a whole. */
export type FieldErrors = Partial<Record<MonitorField | "form", string>>;
/** The Settings form's fields as typed (strings; a checked box is "on"). */
export type MonitorFormValues = Record<MonitorField, string>;

/** A slug from a name: "Marketing site (EU)" → "marketing-site-eu"; empty names give "monitor". */
export function slugify(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return s === "" || s === BUILT_IN_SLUG ? `monitor${s ? `-${s}` : ""}` : s;
}
