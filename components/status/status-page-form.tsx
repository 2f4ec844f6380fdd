"use client";
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import type { StatusPageField } from "@/lib/status/status-page-input";
import type { StatusPageSettings } from "@/lib/status/status-page-settings-view";

export type SaveStatusPageAction = FormAction<ActionState<StatusPageField>>;

const control = "mt-1 block w-full rounded-lg border bg-white px-2 py-1.5 text-sm dark:bg-zinc-950";
const border = (error?: string) => (error ? "border-red-500" : "border-zinc-300 dark:border-zinc-700");

/** A site's public status page: on or off, with an optional title and description (shown to anyone). */
export function StatusPageForm({
  id,
  siteName,
  initial,
  save,
}: {
  id: number;
  siteName: string;
  initial: StatusPageSettings;
  save: SaveStatusPageAction;
}) {
  const [state, action, pending] = useActionState(save, {});
  const v = state.ok || !state.values ? { ...initial, enabled: initial.enabled ? "on" : "" } : state.values;
  const e = state.errors ?? {};
  const p = useId();
  return (
    <form action={action} key={state.n} className="space-y-3" noValidate data-testid="status-page-form">
      <input type="hidden" name="id" value={id} />
      <div className="flex items-start gap-2">
        <input
          id={`${p}-enabled`}
          type="checkbox"
          name="enabled"
          defaultChecked={v.enabled === "on"}
          className="mt-0.5"
          aria-describedby={`${p}-enabled-hint`}
        />
        <div>
          <label htmlFor={`${p}-enabled`} className="text-sm">
            Public status page
          </label>
          <p id={`${p}-enabled-hint`} className="text-xs text-muted">
            Anyone can read <span className="font-mono">{initial.path}</span> without signing in: the monitors' names
            and states, 90 days of uptime bars, and incidents with their public updates. Never URLs, tokens, error text,
            internal notes or who wrote an update.
          </p>
        </div>
      </div>
      <div>
        <label htmlFor={`${p}-title`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Title (optional)
        </label>
        <input
          id={`${p}-title`}
          name="title"
          defaultValue={v.title ?? ""}
          maxLength={120}
          placeholder={siteName}
          autoComplete="off"
          className={cn(control, border(e.title))}
          {...(e.title ? { "aria-invalid": true, "aria-describedby": `${p}-title-error` } : {})}
        />
        {e.title ? (
          <p id={`${p}-title-error`} className="mt-1 text-xs text-red-700 dark:text-red-400" data-testid="field-error">
            {e.title}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${p}-description`} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Description (optional)
        </label>
        <textarea
          id={`${p}-description`}
          name="description"
          rows={2}
          defaultValue={v.description ?? ""}
          maxLength={500}
          className={cn(control, border(e.description))}
          {...(e.description ? { "aria-invalid": true, "aria-describedby": `${p}-description-error` } : {})}
        />
        {e.description ? (
          <p
            id={`${p}-description-error`}
            className="mt-1 text-xs text-red-700 dark:text-red-400"
            data-testid="field-error"
          >
            {e.description}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save status page"}
        </Button>
        {!state.ok && (state.message || Object.keys(e).length) ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {state.message ?? "Nothing was saved: fix the fields marked in red."}
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
