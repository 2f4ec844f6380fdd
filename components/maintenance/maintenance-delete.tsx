"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-state";

export type DeleteMaintenanceAction = FormAction<ActionState<"id">>;

export function MaintenanceDelete({
  id,
  title,
  remove,
}: {
  id: string;
  title: string;
  remove: DeleteMaintenanceAction;
}) {
  const [state, action, pending] = useActionState(remove, {});
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <Button
        type="submit"
        variant="outline"
        className="px-2 py-1 text-xs"
        disabled={pending}
        aria-label={`Delete ${title}`}
      >
        {pending ? "Deleting…" : "Delete"}
      </Button>
      {state.message ? (
        <p role="status" className={state.ok ? "text-xs text-muted" : "text-xs text-red-700 dark:text-red-400"}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
