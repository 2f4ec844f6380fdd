"use client";
import { useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-state";

export type DeleteSiteAction = FormAction<ActionState<"id" | "confirm" | "viewing">>;

/** Deletes a site with all its data, once its slug is typed (checked again by the server). */
export function SiteDeleteForm({
  id,
  name,
  slug,
  viewing,
  remove,
}: {
  id: number;
  name: string;
  slug: string;
  /** The site the page shows: the page stays on it unless it is the one deleted. */
  viewing: string;
  remove: DeleteSiteAction;
}) {
  const [state, action, pending] = useActionState(remove, {});
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const error = state.ok ? undefined : (state.errors?.confirm ?? state.message);
  return (
    <form
      action={action}
      className="space-y-2 rounded-lg border border-red-300 p-3 text-sm dark:border-red-900"
      aria-label={`Delete ${name}`}
      data-testid="site-delete-form"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="viewing" value={viewing} />
      <p>
        Deleting <strong>{name}</strong> deletes <strong>all of its data</strong>: web vitals, request metrics, SLO
        events and alerts, monitors with their checks and incidents, and its keys (apps still sending are refused). It
        cannot be undone.
      </p>
      <label htmlFor={inputId} className="block text-xs font-medium">
        Type <code className="font-mono">{slug}</code> to confirm
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={inputId}
          name="confirm"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={80}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          className="w-48 rounded-lg border border-zinc-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
        <Button
          type="submit"
          variant="outline"
          className="border-red-400 px-2 py-1 text-xs text-red-700 dark:border-red-800 dark:text-red-400"
          disabled={pending || typed.trim() !== slug}
        >
          {pending ? "Deleting…" : "Delete this site and its data"}
        </Button>
      </div>
      {error ? (
        <p id={`${inputId}-error`} role="alert" className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
