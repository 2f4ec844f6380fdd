import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";
import { DAY_MS, RECURRENCES, type Recurrence } from "@/lib/maintenance/expand";

export const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const WEEKDAY_FIELDS = ["wd0", "wd1", "wd2", "wd3", "wd4", "wd5", "wd6"] as const;
export const MAINTENANCE_LIMITS = {
  /** A one-off window lasts at most this long; a recurring one at most a day. */
  oneOffDays: 31,
  recurringMinutes: 1440,
  monitors: 50,
  perSite: 100,
} as const;

export const MAINTENANCE_FIELDS = [
  "title",
  "recurrence",
  "startsAt",
  "endsAt",
  "durationMinutes",
  "weekdays",
  ...WEEKDAY_FIELDS,
  "until",
  "monitors",
] as const;
export type MaintenanceField = (typeof MAINTENANCE_FIELDS)[number];
export type MaintenanceFormValues = Record<MaintenanceField, string>;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

// "2026-03-02T22:00" (a datetime-local input) read as UTC; seconds allowed, nothing else (no zones, no guessing).
const utcDateTime = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, `${label} must look like 2026-03-02T22:00 (UTC)`)
    // Date rolls 2026-02-30 over to March: a real date reads back as typed.
    .refine((s) => {
      const d = new Date(`${s}Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s.length === 16 ? s : s.slice(0, 19));
    }, `${label} is not a real date and time`)
    .transform((s) => new Date(`${s}Z`))
    .refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, `${label} must be between 2000 and 2100`);

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (blank(v) ? undefined : v), schema.optional());

const until = optional(
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Until must look like 2026-03-31")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && d.getUTCFullYear() <= 2100;
    }, "Until is not a real date")
    .transform((s) => new Date(`${s}T00:00:00Z`)),
);

const monitors = z.preprocess(
  (v) => (typeof v === "string" ? v : ""),
  storableString()
    .max(4000, "Monitors: at most 4000 characters")
    .transform((s) => [...new Set(s.split(/[\s,]+/).filter(Boolean))])
    .refine((list) => list.length <= MAINTENANCE_LIMITS.monitors, `At most ${MAINTENANCE_LIMITS.monitors} monitors`)
    .refine((list) => list.every((m) => /^[a-z0-9-]{1,64}$/.test(m)), "Monitors are slugs such as shop-health"),
);

/** What a maintenance window is, once validated: a rule of lib/maintenance/expand plus its title and scope. */
export type MaintenanceInput = {
  title: string;
  recurrence: Recurrence;
  startsAt: Date;
  endsAt: Date;
  weekdays: number[];
  until: Date | null;
  /** Monitor slugs; empty: the whole site. */
  monitors: string[];
};

/** The Settings form: one-off windows give their end, recurring ones a duration; times are UTC. */
export const MaintenanceInput = z
  .object({
    title: storableString().trim().min(1, "Title is required").max(120, "Title must be at most 120 characters"),
    recurrence: z.enum(RECURRENCES, { error: "Repeat must be once, daily or weekly" }),
    startsAt: utcDateTime("Start"),
    endsAt: optional(utcDateTime("End")),
    durationMinutes: optional(
      z.coerce
        .number({ error: "Duration must be a number of minutes" })
        .int("Duration must be whole minutes")
        .min(1, "Duration must be at least 1 minute")
        .max(MAINTENANCE_LIMITS.recurringMinutes, "Duration must be at most 1440 minutes (a day)"),
    ),
    wd0: checkbox,
    wd1: checkbox,
    wd2: checkbox,
    wd3: checkbox,
    wd4: checkbox,
    wd5: checkbox,
    wd6: checkbox,
    until,
    monitors,
  })
  .transform((raw, ctx): MaintenanceInput => {
    const weekdays = WEEKDAY_FIELDS.flatMap((f, i) => (raw[f] ? [i] : []));
    let endsAt = raw.endsAt;
    if (raw.recurrence === "none") {
      if (!endsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "End is required for a one-off window" });
      else if (endsAt <= raw.startsAt)
        ctx.addIssue({ code: "custom", path: ["endsAt"], message: "End must be after the start" });
      else if (endsAt.getTime() - raw.startsAt.getTime() > MAINTENANCE_LIMITS.oneOffDays * DAY_MS)
        ctx.addIssue({ code: "custom", path: ["endsAt"], message: "A one-off window lasts at most 31 days" });
    } else {
      if (raw.durationMinutes === undefined)
        ctx.addIssue({
          code: "custom",
          path: ["durationMinutes"],
          message: "Duration is required for a recurring window",
        });
      else endsAt = new Date(raw.startsAt.getTime() + raw.durationMinutes * 60_000);
      if (raw.recurrence === "weekly" && weekdays.length === 0)
        ctx.addIssue({ code: "custom", path: ["weekdays"], message: "Pick at least one weekday" });
      if (raw.until && raw.until.getTime() < Math.floor(raw.startsAt.getTime() / DAY_MS) * DAY_MS)
        ctx.addIssue({ code: "custom", path: ["until"], message: "Until must not be before the first day" });
    }
    return {
      title: raw.title,
      recurrence: raw.recurrence,
      startsAt: raw.startsAt,
      endsAt: endsAt ?? raw.startsAt,
      weekdays: raw.recurrence === "weekly" ? weekdays : [],
      until: raw.recurrence === "none" ? null : (raw.until ?? null),
      monitors: raw.monitors,
    };
  });
