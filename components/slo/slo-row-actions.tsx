"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-state";

export type SloRowActionSet = {
  pause: FormAction<ActionState<"id" | "paused">>;
  remove: FormAction<ActionState<"id">>;
};

function Message({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return (
    <p
      role="status"
      className={state.ok ? "text-xs text-zinc-600 dark:text-zinc-300" : "text-xs text-red-700 dark:text-red-400"}
      data-testid="slo-action-message"
    >
      {state.message}
    </p>
  );
}

/** Pause/resume and delete (after a confirmation), each a small form through an admin-checked server action. */
export function SloRowActions({
  id,
  name,
  site,
  paused,
  actions,
}: {
  id: string;
  name: string;
  site: string;
  paused: boolean;
  actions: SloRowActionSet;
}) {
  const [toggled, toggle, toggling] = useActionState(actions.pause, {});
  const [deleted, remove, deleting] = useActionState(actions.remove, {});
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        <form action={toggle}>
          <input type="hidden" name="site" value={site} />
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="paused" value={String(!paused)} />
          <Button type="submit" variant="outline" className="px-2 py-1 text-xs" disabled={toggling}>
            {paused ? "Resume" : "Pause"}
          </Button>
        </form>
        <form
          action={remove}
          onSubmit={(e) => {
            if (!window.confirm(`Delete the SLO "${name}" and its versions? Its alert history stays.`))
              e.preventDefault();
          }}
        >
          <input type="hidden" name="site" value={site} />
          <input type="hidden" name="id" value={id} />
          <Button
            type="submit"
            variant="ghost"
            className="px-2 py-1 text-xs text-red-700 dark:text-red-400"
            disabled={deleting}
          >
            Delete
          </Button>
        </form>
      </div>
      <Message state={toggled} />
      <Message state={deleted} />
    </div>
  );
}
