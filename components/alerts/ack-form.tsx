"use client";
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-state";

export type AckAction = FormAction<ActionState<"id" | "note">>;

/** Acknowledge a firing alert, with an optional note; refusals (already taken, resolved) show below. */
export function AckForm({ id, site, ack }: { id: string; site: string; ack: AckAction }) {
  const [state, action, pending] = useActionState(ack, {});
  const noteId = useId();
  return (
    <form action={action} key={state.n} className="flex min-w-48 flex-col gap-1" data-testid="ack-form" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="site" value={site} />
      <label htmlFor={noteId} className="text-xs text-muted">
        Note (optional)
      </label>
      <input
        id={noteId}
        name="note"
        maxLength={500}
        defaultValue={state.ok ? "" : (state.values?.note ?? "")}
        aria-invalid={state.errors?.note ? true : undefined}
        aria-describedby={state.errors?.note ? `${noteId}-error` : undefined}
        className="rounded-lg border border-zinc-300 bg-white px-2 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-950"
      />
      {state.errors?.note ? (
        <p id={`${noteId}-error`} className="text-xs text-red-700 dark:text-red-400" data-testid="field-error">
          {state.errors.note}
        </p>
      ) : null}
      <Button type="submit" variant="outline" className="px-2 py-1 text-xs" disabled={pending}>
        {pending ? "Acknowledging…" : "Acknowledge"}
      </Button>
      {state.message ? (
        <p role="status" className={state.ok ? "text-xs text-muted" : "text-xs text-red-700 dark:text-red-400"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
