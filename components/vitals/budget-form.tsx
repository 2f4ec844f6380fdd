"use client";
import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import {
  BUDGET_DEVICES,
  BUDGET_PERCENTILES,
  DEFAULT_FOR_MINUTES,
  DEFAULT_MIN_SAMPLES,
  type BudgetField,
  type VitalBudget,
} from "@/lib/vitals/budget-spec";
import { METRIC_NAMES } from "@/lib/vitals/metrics";

export type SaveBudgetAction = FormAction<ActionState<BudgetField>>;
export type DeleteBudgetAction = FormAction<ActionState<"site" | "id">>;

const input =
  "mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

function Field({ id, label, error, children }: { id: string; label: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <span id={`${id}-error`} className="mt-1 block text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Create (no `budget`) or edit one budget; errors show under their field, nothing is stored on bad input. */
export function BudgetForm({
  site,
  budget,
  defaultMetric,
  save,
}: {
  site: string;
  budget?: VitalBudget;
  defaultMetric?: string;
  save: SaveBudgetAction;
}) {
  const [state, action, pending] = useActionState(save, {});
  const e = state.errors ?? {};
  const v = state.values;
  const prefix = `budget-${budget?.id ?? "new"}`;
  const val = (f: BudgetField, fallback: string) => v?.[f] ?? fallback;
  const aria = (f: BudgetField) => ({
    "aria-invalid": Boolean(e[f]),
    "aria-describedby": e[f] ? `${prefix}-${f}-error` : undefined,
  });
  return (
    <form
      action={action}
      noValidate
      className="space-y-3 text-sm"
      data-testid={budget ? "budget-edit-form" : "budget-form"}
      key={state.n}
    >
      <input type="hidden" name="site" value={site} />
      <input type="hidden" name="id" value={budget?.id ?? ""} />
      <div className="grid gap-3 sm:grid-cols-4">
        <Field id={`${prefix}-metric`} label="Metric" error={e.metric}>
          <select
            id={`${prefix}-metric`}
            name="metric"
            defaultValue={val("metric", budget?.metric ?? defaultMetric ?? "LCP")}
            className={input}
            {...aria("metric")}
          >
            {METRIC_NAMES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </Field>
        <Field id={`${prefix}-percentile`} label="Percentile" error={e.percentile}>
          <select
            id={`${prefix}-percentile`}
            name="percentile"
            defaultValue={val("percentile", String(budget?.percentile ?? 95))}
            className={input}
            {...aria("percentile")}
          >
            {BUDGET_PERCENTILES.map((p) => (
              <option key={p} value={p}>
                p{p}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${prefix}-threshold`} label="Budget (ms; CLS: score)" error={e.threshold}>
          <input
            id={`${prefix}-threshold`}
            name="threshold"
            inputMode="decimal"
            defaultValue={val("threshold", budget ? String(budget.threshold) : "")}
            className={input}
            {...aria("threshold")}
          />
        </Field>
        <Field id={`${prefix}-device`} label="Device" error={e.device}>
          <select
            id={`${prefix}-device`}
            name="device"
            defaultValue={val("device", budget?.device ?? "all")}
            className={input}
            {...aria("device")}
          >
            {BUDGET_DEVICES.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </Field>
        <Field id={`${prefix}-route`} label="Route (* = every route)" error={e.route}>
          <input
            id={`${prefix}-route`}
            name="route"
            maxLength={200}
            defaultValue={val("route", budget?.route ?? "*")}
            className={`${input} font-mono`}
            {...aria("route")}
          />
        </Field>
        <Field id={`${prefix}-forMinutes`} label="For (minutes)" error={e.forMinutes}>
          <input
            id={`${prefix}-forMinutes`}
            name="forMinutes"
            inputMode="numeric"
            defaultValue={val("forMinutes", String(budget?.forMinutes ?? DEFAULT_FOR_MINUTES))}
            className={input}
            {...aria("forMinutes")}
          />
        </Field>
        <Field id={`${prefix}-minSamples`} label="Minimum samples" error={e.minSamples}>
          <input
            id={`${prefix}-minSamples`}
            name="minSamples"
            inputMode="numeric"
            defaultValue={val("minSamples", String(budget?.minSamples ?? DEFAULT_MIN_SAMPLES))}
            className={input}
            {...aria("minSamples")}
          />
        </Field>
        <div className="flex items-end gap-2 pb-1.5">
          <input
            id={`${prefix}-enabled`}
            name="enabled"
            type="checkbox"
            defaultChecked={v ? v.enabled === "on" : (budget?.enabled ?? true)}
          />
          <label htmlFor={`${prefix}-enabled`} className="text-xs font-medium">
            Alert on it
          </label>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="outline" disabled={pending}>
          {pending ? "Saving…" : budget ? "Save" : "Add budget"}
        </Button>
        {!state.ok && state.message ? (
          <span role="alert" className="text-xs text-red-700 dark:text-red-400">
            {state.message}
          </span>
        ) : null}
        {!state.ok && Object.keys(e).length && !state.message ? (
          <span role="alert" className="text-xs text-red-700 dark:text-red-400">
            Nothing saved: fix the fields marked above.
          </span>
        ) : null}
        {state.ok ? (
          <span role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
            Saved.
          </span>
        ) : null}
      </div>
    </form>
  );
}

export function BudgetDeleteButton({ site, id, remove }: { site: string; id: number; remove: DeleteBudgetAction }) {
  const [state, action, pending] = useActionState(remove, {});
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="site" value={site} />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Deleting…" : "Delete"}
      </Button>
      {!state.ok && state.message ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
