"use client";
import { useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import { WEEKDAYS, type MaintenanceField, type MaintenanceFormValues } from "@/lib/maintenance/maintenance-input";

export type SaveMaintenanceAction = FormAction<ActionState<MaintenanceField>>;

export const EMPTY_MAINTENANCE: MaintenanceFormValues = {
  title: "",
  recurrence: "none",
  startsAt: "",
  endsAt: "",
  durationMinutes: "60",
  weekdays: "",
  wd0: "",
  wd1: "",
  wd2: "",
  wd3: "",
  wd4: "",
  wd5: "",
  wd6: "",
  until: "",
  monitors: "",
};

const Field = FormField;

/** Add (no `id`) or edit a maintenance window. Times are UTC; errors show under each field, nothing is stored. */
export function MaintenanceForm({
  id,
  site,
  initial,
  submitLabel,
  save,
}: {
  id?: string;
  site?: string;
  initial: MaintenanceFormValues;
  submitLabel: string;
  save: SaveMaintenanceAction;
}) {
  const [state, action, pending] = useActionState(save, {});
  const v: MaintenanceFormValues = state.ok ? initial : { ...initial, ...state.values };
  const [recurrence, setRecurrence] = useState(v.recurrence || "none");
  const e = state.errors ?? {};
  const p = useId();
  return (
    <form
      action={action}
      key={state.n}
      className="space-y-3"
      data-testid={id ? "maintenance-edit-form" : "maintenance-add-form"}
      noValidate
    >
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {!id && site ? <input type="hidden" name="site" value={site} /> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={`${p}-title`} label="Title" error={e.title}>
          {(a) => <input {...a} name="title" defaultValue={v.title} maxLength={120} />}
        </Field>
        <Field id={`${p}-recurrence`} label="Repeat" error={e.recurrence}>
          {(a) => (
            <select {...a} name="recurrence" value={recurrence} onChange={(ev) => setRecurrence(ev.target.value)}>
              <option value="none">Once</option>
              <option value="daily">Daily</option>
              <option value="weekly">Weekly</option>
            </select>
          )}
        </Field>
        <Field
          id={`${p}-monitors`}
          label="Monitors (optional)"
          hint="Slugs, comma-separated; empty: the whole site (alerts, SLOs and every monitor)."
          error={e.monitors}
        >
          {(a) => <input {...a} name="monitors" defaultValue={v.monitors} maxLength={4000} />}
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          id={`${p}-startsAt`}
          label={recurrence === "none" ? "Starts (UTC)" : "First start (UTC)"}
          error={e.startsAt}
        >
          {(a) => <input {...a} name="startsAt" type="datetime-local" defaultValue={v.startsAt} />}
        </Field>
        {recurrence === "none" ? (
          <Field id={`${p}-endsAt`} label="Ends (UTC)" error={e.endsAt}>
            {(a) => <input {...a} name="endsAt" type="datetime-local" defaultValue={v.endsAt} />}
          </Field>
        ) : (
          <>
            <Field id={`${p}-durationMinutes`} label="Duration (minutes)" hint="1–1440" error={e.durationMinutes}>
              {(a) => <input {...a} name="durationMinutes" inputMode="numeric" defaultValue={v.durationMinutes} />}
            </Field>
            <Field id={`${p}-until`} label="Until (optional, UTC day)" error={e.until}>
              {(a) => <input {...a} name="until" type="date" defaultValue={v.until} />}
            </Field>
          </>
        )}
      </div>
      {recurrence === "weekly" ? (
        <fieldset aria-describedby={e.weekdays ? `${p}-weekdays-error` : undefined}>
          <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-300">On (UTC weekdays)</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {WEEKDAYS.map((day, i) => (
              <label key={day} className="flex items-center gap-1 text-sm">
                <input type="checkbox" name={`wd${i}`} defaultChecked={v[`wd${i}` as MaintenanceField] === "on"} />
                {day}
              </label>
            ))}
          </div>
          {e.weekdays ? (
            <p id={`${p}-weekdays-error`} className="text-xs text-red-700 dark:text-red-400" data-testid="field-error">
              {e.weekdays}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        {!state.ok && state.message ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {state.message}
          </p>
        ) : null}
        {Object.keys(e).length && !state.message ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Nothing was saved: fix the fields marked in red.
          </p>
        ) : null}
        {state.ok ? (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
