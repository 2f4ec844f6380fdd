import { z } from "zod";
import { storableString } from "@/lib/http/storable-text";
import { DEFAULT_GROUPS, type SloKind, type SloSpec } from "@/lib/slo/spec";

/** The fields of the Settings SLO form; errors of the spec (lib/slo/spec.ts) map onto them by name. */
export const SLO_FIELDS = [
  "id",
  "name",
  "description",
  "kind",
  "objective",
  "window",
  "owner",
  "runbookUrl",
  "minEvents",
  "absentMinutes",
  "routePrefix",
  "routes",
  "methods",
  "thresholdMs",
  "metric",
  "route",
  "device",
  "monitor",
  "groupBy",
  "maxGroups",
] as const;
export type SloField = (typeof SLO_FIELDS)[number];
export type SloFormValues = Record<SloField, string>;

export const SLO_KINDS: readonly { kind: SloKind; label: string }[] = [
  { kind: "availability", label: "Availability (requests without a 5xx)" },
  { kind: "latency", label: "Latency (requests within a threshold)" },
  { kind: "vitals", label: "Web vital good ratio" },
  { kind: "uptime", label: "Uptime (a monitor's probes)" },
  { kind: "custom", label: "Custom events (good / total posted by your app)" },
];

// Every field arrives as a string: bounded here, given meaning by the spec's schema.
const text = (max: number) => storableString().max(max, `at most ${max} characters`).default("");
export const SloFormInput = z.object({
  id: text(63),
  name: text(120),
  description: text(500),
  kind: z.enum(["availability", "latency", "vitals", "uptime", "custom"], { error: "Pick a kind" }),
  objective: text(20)
    .refine((s) => /^\d{1,3}(\.\d{1,6})?$/.test(s.trim()), "a percentage such as 99.9")
    .refine((s) => Number(s) > 50 && Number(s) < 100, "between 50 % and 100 %, both excluded"),
  window: text(4),
  owner: text(120),
  runbookUrl: text(300),
  minEvents: text(10),
  absentMinutes: text(10),
  routePrefix: text(120),
  routes: text(4000),
  methods: text(60),
  thresholdMs: text(10),
  metric: text(8),
  route: text(220),
  device: text(10),
  monitor: text(63),
  groupBy: text(10),
  maxGroups: text(10),
});
export type SloFormInput = z.infer<typeof SloFormInput>;

const list = (s: string) => s.split(/[\s,]+/).filter(Boolean);
// "" stays absent so the spec's default applies; anything else goes to the spec's number check ("abc" → NaN).
const num = (s: string) => (s.trim() === "" ? undefined : Number(s.trim()));
const opt = (s: string) => (s.trim() === "" ? undefined : s.trim());
/** 99.9 → 0.999 without float noise (99.9 / 100 is 0.9990000000000001). */
export const objectiveFromPercent = (s: string) => Math.round(Number(s.trim()) * 1e7) / 1e9;
export const percentFromObjective = (o: number) => String(Math.round(o * 1e9) / 1e7);

/** The spec a form describes, as input for the spec's schema (which still validates every field). */
export function specFromForm(f: SloFormInput): Record<string, unknown> {
  const alerting = { minEvents: num(f.minEvents), absentMinutes: num(f.absentMinutes) };
  const common = {
    id: f.id.trim(),
    name: f.name.trim(),
    description: f.description.trim(),
    kind: f.kind,
    objective: objectiveFromPercent(f.objective),
    window: opt(f.window),
    owner: f.owner.trim(),
    runbookUrl: opt(f.runbookUrl),
    alerting,
  };
  const grouped = f.groupBy === "route" || f.groupBy === "on";
  const requests = {
    routes: list(f.routes),
    routePrefix: opt(f.routePrefix),
    methods: list(f.methods.toUpperCase()),
    ...(grouped ? { groupBy: "route", maxGroups: num(f.maxGroups) } : {}),
  };
  switch (f.kind) {
    case "availability":
      return { ...common, ...requests };
    case "latency":
      return { ...common, ...requests, thresholdMs: num(f.thresholdMs) };
    case "vitals":
      return { ...common, metric: opt(f.metric), route: opt(f.route), device: opt(f.device) };
    case "uptime":
      return { ...common, monitor: opt(f.monitor) };
    case "custom":
      return common;
  }
}

export const EMPTY_SLO_FORM: SloFormValues = {
  id: "",
  name: "",
  description: "",
  kind: "availability",
  objective: "99.9",
  window: "30d",
  owner: "",
  runbookUrl: "",
  minEvents: "100",
  absentMinutes: "60",
  routePrefix: "/api/",
  routes: "",
  methods: "",
  thresholdMs: "400",
  metric: "LCP",
  route: "*",
  device: "all",
  monitor: "",
  groupBy: "",
  maxGroups: "10",
};

/** The form showing a stored spec (to edit it). */
export function formFromSpec(spec: SloSpec): SloFormValues {
  const v: SloFormValues = {
    ...EMPTY_SLO_FORM,
    id: spec.id,
    name: spec.name,
    description: spec.description,
    kind: spec.kind,
    objective: percentFromObjective(spec.objective),
    window: spec.window,
    owner: spec.owner,
    runbookUrl: spec.runbookUrl ?? "",
    minEvents: String(spec.alerting.minEvents),
    absentMinutes: String(spec.alerting.absentMinutes),
  };
  if (spec.kind === "availability" || spec.kind === "latency") {
    Object.assign(v, {
      routePrefix: spec.routePrefix ?? "",
      routes: spec.routes.join(", "),
      methods: spec.methods.join(", "),
    });
    if (spec.kind === "latency") v.thresholdMs = String(spec.thresholdMs);
    if (spec.groupBy) Object.assign(v, { groupBy: "route", maxGroups: String(spec.maxGroups ?? DEFAULT_GROUPS) });
  }
  if (spec.kind === "vitals") Object.assign(v, { metric: spec.metric, route: spec.route, device: spec.device });
  if (spec.kind === "uptime") v.monitor = spec.monitor;
  return v;
}

/** Starting points offered by the create form. */
export const SLO_TEMPLATES: readonly { name: string; label: string; values: SloFormValues }[] = [
  { name: "blank", label: "Blank", values: EMPTY_SLO_FORM },
  {
    name: "webhook-success",
    label: "Webhook success 99 %",
    values: {
      ...EMPTY_SLO_FORM,
      id: "webhook-success",
      name: "Webhook success",
      description: "Share of webhook deliveries that succeed, reported as good/total events by the app.",
      kind: "custom",
      objective: "99",
      owner: "platform",
      minEvents: "20",
      absentMinutes: "0",
    },
  },
];
