"use client";
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import { type IncidentUpdateField, MAX_UPDATE_BODY, UPDATE_STATUSES } from "@/lib/status/incident-update-input";

export type AddIncidentUpdateAction = FormAction<ActionState<IncidentUpdateField>>;

const control = "mt-1 block w-full rounded-lg border bg-white px-2 py-1.5 text-sm dark:bg-zinc-950";
const border = (error?: string) => (error ? "border-red-500" : "border-zinc-300 dark:border-zinc-700");

/** An admin's update on an incident: a status label (suggested or free), the text, and whether it is public. */
export function IncidentUpdateForm({
  incident,
  site,
  add,
}: {
  incident: string;
  site: string;
  add: AddIncidentUpdateAction;
}) {
  const [state, action, pending] = useActionState(add, {});
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.errors ?? {};
  const id = useId();
  const message = state.message ?? (e.incident ? "Unknown incident." : undefined);
  return (
    <form action={action} key={state.n} className="space-y-3" noValidate data-testid="incident-update-form">
      <input type="hidden" name="incident" value={incident} />
      <input type="hidden" name="site" value={site} />
      <div>
        <label htmlFor={`${id}-status`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Status
        </label>
        <input
          id={`${id}-status`}
          name="status"
          list={`${id}-statuses`}
          defaultValue={v.status ?? "investigating"}
          maxLength={40}
          autoComplete="off"
          className={cn(control, "max-w-xs", border(e.status))}
          {...(e.status ? { "aria-invalid": true, "aria-describedby": `${id}-status-error` } : {})}
        />
        <datalist id={`${id}-statuses`}>
          {UPDATE_STATUSES.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        {e.status ? (
          <p
            id={`${id}-status-error`}
            className="mt-1 text-xs text-red-700 dark:text-red-400"
            data-testid="field-error"
          >
            {e.status}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-body`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Update
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={3}
          defaultValue={v.body ?? ""}
          maxLength={MAX_UPDATE_BODY}
          className={cn(control, border(e.body))}
          {...(e.body ? { "aria-invalid": true, "aria-describedby": `${id}-body-error` } : {})}
        />
        {e.body ? (
          <p id={`${id}-body-error`} className="mt-1 text-xs text-red-700 dark:text-red-400" data-testid="field-error">
            {e.body}
          </p>
        ) : null}
      </div>
      <div className="flex items-start gap-2">
        <input
          id={`${id}-public`}
          type="checkbox"
          name="public"
          defaultChecked={v.public === "on"}
          className="mt-0.5"
          aria-describedby={`${id}-public-hint`}
        />
        <div>
          <label htmlFor={`${id}-public`} className="text-sm">
            Public: show on the site's status page
          </label>
          <p id={`${id}-public-hint`} className="text-xs text-muted">
            Unchecked, it is an internal note seen only in the console. The status page never shows authors.
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add update"}
        </Button>
        {!state.ok && message ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {message}
          </p>
        ) : null}
        {!state.ok && !message && Object.keys(e).length ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Nothing was saved: fix the fields marked in red.
          </p>
        ) : null}
        {state.ok && state.message ? (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
