"use client";
import { createContext, useActionState, useContext, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, type FormFieldProps } from "@/components/ui/form-field";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import { SLO_KINDS, SLO_TEMPLATES, type SloField, type SloFormValues } from "@/lib/slo/slo-form";
import { METRIC_NAMES } from "@/lib/vitals/metrics";

export type SaveSloAction = FormAction<ActionState<SloField>>;

const FormId = createContext("slo");

function Field({ name, ...rest }: Omit<FormFieldProps, "id"> & { name: SloField }) {
  return <FormField id={`${useContext(FormId)}-${name}`} {...rest} />;
}

/** The fields one kind of SLO takes (the spec's schemas are strict: the others are not sent). */
function KindFields({ kind, v, e }: { kind: string; v: SloFormValues; e: Partial<Record<SloField, string>> }) {
  if (kind === "availability" || kind === "latency")
    return (
      <div className="grid gap-3 sm:grid-cols-4">
        <Field name="routePrefix" label="Route prefix" hint="e.g. /api/ (empty: all)" error={e.routePrefix}>
          {(p) => <input {...p} name="routePrefix" defaultValue={v.routePrefix} maxLength={100} />}
        </Field>
        <Field name="routes" label="Routes" hint="Route templates, comma-separated" error={e.routes}>
          {(p) => <input {...p} name="routes" defaultValue={v.routes} />}
        </Field>
        <Field name="methods" label="Methods" hint="e.g. GET, POST (empty: all)" error={e.methods}>
          {(p) => <input {...p} name="methods" defaultValue={v.methods} maxLength={60} />}
        </Field>
        {kind === "latency" ? (
          <Field name="thresholdMs" label="Threshold (ms)" hint="1–60000" error={e.thresholdMs}>
            {(p) => <input {...p} name="thresholdMs" inputMode="numeric" defaultValue={v.thresholdMs} />}
          </Field>
        ) : null}
        <div className="flex flex-col gap-1">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="groupBy" value="route" defaultChecked={v.groupBy === "route"} />
            One budget and alerts per route
          </label>
          <p className="text-xs text-muted">The busiest routes of the selection, each its own SLO.</p>
        </div>
        <Field name="maxGroups" label="Routes at most" hint="1–20, by traffic" error={e.maxGroups}>
          {(p) => <input {...p} name="maxGroups" inputMode="numeric" defaultValue={v.maxGroups} />}
        </Field>
      </div>
    );
  if (kind === "vitals")
    return (
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="metric" label="Metric" error={e.metric}>
          {(p) => (
            <select {...p} name="metric" defaultValue={v.metric}>
              {METRIC_NAMES.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          )}
        </Field>
        <Field name="route" label="Route" hint="A route template, or * for all" error={e.route}>
          {(p) => <input {...p} name="route" defaultValue={v.route} maxLength={200} />}
        </Field>
        <Field name="device" label="Device" error={e.device}>
          {(p) => (
            <select {...p} name="device" defaultValue={v.device}>
              {["all", "mobile", "tablet", "desktop"].map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
    );
  if (kind === "uptime")
    return (
      <Field name="monitor" label="Monitor slug" hint="vigil: the built-in self-check" error={e.monitor}>
        {(p) => <input {...p} name="monitor" defaultValue={v.monitor} maxLength={63} />}
      </Field>
    );
  return (
    <p className="text-xs text-muted">
      The app posts good and total counts to <code>POST /api/v1/slo-events</code> with this site&apos;s server key (
      <code>x-vigil-key</code>) and the body <code>{`{"slo":"<id>","good":98,"total":100}`}</code>.
    </p>
  );
}

/** Create (no `editing`) or edit an SLO of `site`; errors show under each field and keep what was typed. */
export function SloForm({
  editing,
  site,
  initial,
  submitLabel,
  save,
}: {
  editing?: string;
  site: string;
  initial: SloFormValues;
  submitLabel: string;
  save: SaveSloAction;
}) {
  const [state, action, pending] = useActionState(save, {});
  const [template, setTemplate] = useState(initial);
  // An edit starts from the stored spec the page passes (fresh after each save), a new SLO from the template.
  const base = editing ? initial : template;
  const v: SloFormValues = state.ok || !state.values ? base : { ...base, ...state.values };
  const [kind, setKind] = useState(v.kind);
  const e = state.errors ?? {};
  const prefix = useId();
  return (
    <FormId.Provider value={prefix}>
      {!editing ? (
        <div className="mb-3 flex flex-wrap items-center gap-2 text-xs">
          <span className="text-muted">Start from:</span>
          {SLO_TEMPLATES.map((t) => (
            <Button
              key={t.name}
              type="button"
              variant="outline"
              className="px-2 py-1 text-xs"
              data-testid={`slo-template-${t.name}`}
              onClick={() => {
                setTemplate(t.values);
                setKind(t.values.kind);
              }}
            >
              {t.label}
            </Button>
          ))}
        </div>
      ) : null}
      <form
        action={action}
        key={`${state.n ?? 0}-${template.id}-${template.kind}`}
        className="space-y-3"
        data-testid={editing ? "slo-edit-form" : "slo-add-form"}
        noValidate
      >
        <input type="hidden" name="site" value={site} />
        {editing ? <input type="hidden" name="editing" value={editing} /> : null}
        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="kind" label="Kind" error={e.kind}>
            {(p) => (
              <select {...p} name="kind" value={kind} onChange={(ev) => setKind(ev.target.value)}>
                {SLO_KINDS.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="name" label="Name" error={e.name}>
            {(p) => <input {...p} name="name" defaultValue={v.name} maxLength={120} />}
          </Field>
          <Field name="id" label="Id" hint={editing ? "Keys its alerts: fixed" : "e.g. checkout-success"} error={e.id}>
            {(p) => <input {...p} name="id" defaultValue={v.id} maxLength={63} readOnly={Boolean(editing)} />}
          </Field>
        </div>
        <div className="grid gap-3 sm:grid-cols-4">
          <Field name="objective" label="Objective (%)" hint="Above 50, below 100" error={e.objective}>
            {(p) => <input {...p} name="objective" inputMode="decimal" defaultValue={v.objective} />}
          </Field>
          <Field name="window" label="Window" error={e.window}>
            {(p) => (
              <select {...p} name="window" defaultValue={v.window}>
                {["7d", "28d", "30d"].map((w) => (
                  <option key={w}>{w}</option>
                ))}
              </select>
            )}
          </Field>
          <Field name="owner" label="Owner" error={e.owner}>
            {(p) => <input {...p} name="owner" defaultValue={v.owner} maxLength={120} />}
          </Field>
          <Field name="runbookUrl" label="Runbook (optional)" error={e.runbookUrl}>
            {(p) => <input {...p} name="runbookUrl" defaultValue={v.runbookUrl} maxLength={300} />}
          </Field>
        </div>
        <KindFields kind={kind} v={v} e={e} />
        <div className="grid gap-3 sm:grid-cols-4">
          <Field name="description" label="Description" error={e.description} className="sm:col-span-2">
            {(p) => <input {...p} name="description" defaultValue={v.description} maxLength={500} />}
          </Field>
          <Field name="minEvents" label="Min. events to alert" hint="0–1000000" error={e.minEvents}>
            {(p) => <input {...p} name="minEvents" inputMode="numeric" defaultValue={v.minEvents} />}
          </Field>
          <Field name="absentMinutes" label="Absent data after (min)" hint="0: off" error={e.absentMinutes}>
            {(p) => <input {...p} name="absentMinutes" inputMode="numeric" defaultValue={v.absentMinutes} />}
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : submitLabel}
          </Button>
          {!state.ok && state.message ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {state.message}
            </p>
          ) : null}
          {!state.ok && Object.keys(e).length && !state.message ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              Nothing was saved: fix the fields marked in red.
            </p>
          ) : null}
          {state.ok ? (
            <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              {state.message ?? "Saved."}
            </p>
          ) : null}
        </div>
      </form>
    </FormId.Provider>
  );
}
