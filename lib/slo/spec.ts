import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";
import { METRIC_NAMES } from "@/lib/vitals/metrics";

const DAY_MS = 86_400_000;
export const SLO_WINDOWS = { "7d": 7, "28d": 28, "30d": 30 } as const;
export type SloWindow = keyof typeof SLO_WINDOWS;
export const windowMs = (w: SloWindow) => SLO_WINDOWS[w] * DAY_MS;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lowercase letters, digits and dashes, at most 63");
const routeTemplate = z.string().regex(/^\/[\w\-./[\]]{0,199}$/, "an App Router route template such as /api/v1/vitals");

const common = {
  id: slug,
  name: storableString().min(1).max(120),
  description: storableString().max(500).default(""),
  /** Share of good events the objective promises, e.g. 0.999. */
  objective: z.number().gt(0.5).lt(1),
  window: z.enum(Object.keys(SLO_WINDOWS) as [SloWindow, ...SloWindow[]]).default("30d"),
  owner: storableString().min(1).max(120),
  /** An http(s) URL, or a path in this repository such as "RUNBOOK.md#uptime". */
  runbookUrl: z
    .union([
      z.url({ protocol: /^https?$/ }),
      z.string().regex(/^[\w][\w./-]{0,199}(#[\w-]{1,80})?$/, "an http(s) URL or a repository path"),
    ])
    .optional(),
  alerting: z
    .object({
      /** Minimum-traffic guard: a rule whose long window holds fewer events never fires. */
      minEvents: z.number().int().min(0).max(1_000_000).default(100),
      /** An absent-data alert fires after this many minutes without any event; 0 turns it off. */
      absentMinutes: z
        .number()
        .int()
        .min(0)
        .max(7 * 24 * 60)
        .default(60),
    })
    .prefault({}),
};

// Which requests count for request-based SLOs: route templates (all when empty) and methods (all when empty).
const requestSelection = {
  routes: z.array(routeTemplate).max(50).default([]),
  /** Route prefixes, e.g. "/api/": matches every route template under it. */
  routePrefix: z
    .string()
    .regex(/^\/[\w\-./]{0,99}$/)
    .optional(),
  methods: z
    .array(z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]))
    .max(7)
    .default([]),
  /** One budget and one set of alerts per route (Sloth's grouping), for the busiest `maxGroups` routes. */
  groupBy: z.literal("route").optional(),
  /** At most this many routes get their own budget (default DEFAULT_GROUPS); the busiest over the window win. */
  maxGroups: z.number().int().min(1).max(20).optional(),
};
export const DEFAULT_GROUPS = 10;

export const AvailabilitySpec = z.object({ ...common, kind: z.literal("availability"), ...requestSelection }).strict();
export const LatencySpec = z
  .object({
    ...common,
    kind: z.literal("latency"),
    ...requestSelection,
    thresholdMs: z.number().int().min(1).max(60_000),
  })
  .strict();
export const VitalsSpec = z
  .object({
    ...common,
    kind: z.literal("vitals"),
    metric: z.enum(METRIC_NAMES),
    /** A route template, or "*" for all routes. */
    route: z.union([z.literal("*"), routeTemplate]).default("*"),
    device: z.enum(["all", "mobile", "tablet", "desktop"]).default("all"),
  })
  .strict();
export const UptimeSpec = z
  .object({
    ...common,
    kind: z.literal("uptime"),
    /** Monitor slug; "vigil" is the built-in self-check. */ monitor: slug,
  })
  .strict();
/** Good and total events reported by the app through POST /api/v1/slo-events under this SLO's id. */
export const CustomSpec = z.object({ ...common, kind: z.literal("custom") }).strict();

export const SloSpec = z.discriminatedUnion("kind", [
  AvailabilitySpec,
  LatencySpec,
  VitalsSpec,
  UptimeSpec,
  CustomSpec,
]);
export type SloSpec = z.infer<typeof SloSpec>;
export type SloSpecInput = z.input<typeof SloSpec>;
export type SloKind = SloSpec["kind"];

export const SloSpecs = z
  .array(SloSpec)
  .max(100)
  .superRefine((specs, ctx) => {
    const seen = new Set<string>();
    specs.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `duplicate SLO id "${s.id}"` });
      seen.add(s.id);
    });
  });

/** Validates specs (from config/slos.ts), naming every problem; throws on the first bad file, never half-loads. */
export function parseSloSpecs(input: unknown): SloSpec[] {
  const result = SloSpecs.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new Error(`Invalid SLO specs in config/slos.ts:\n${lines.join("\n")}`);
}

/** Identity with types, so config/slos.ts gets completion and checks while staying plain data. */
export const defineSlos = (specs: SloSpecInput[]): SloSpecInput[] => specs;
