"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-state";

/** The per-row server actions, passed down by the page. */
export type MonitorRowActionSet = {
  toggle: FormAction<ActionState<"id" | "enabled">>;
  check: FormAction<ActionState<"id">>;
  remove: FormAction<ActionState<"id">>;
};

function Message({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return (
    <p
      role="status"
      className={state.ok ? "text-xs text-zinc-600 dark:text-zinc-300" : "text-xs text-red-700 dark:text-red-400"}
      data-testid="monitor-action-message"
    >
      {state.message}
    </p>
  );
}

/** Pause/resume, check now, delete: one small form each, all through server actions that re-check the admin role. */
export function MonitorRowActions({
  id,
  name,
  enabled,
  http,
  deletable,
  actions,
}: {
  id: string;
  name: string;
  enabled: boolean;
  http: boolean;
  deletable: boolean;
  actions: MonitorRowActionSet;
}) {
  const [toggled, toggle, toggling] = useActionState(actions.toggle, {});
  const [checked, check, checking] = useActionState(actions.check, {});
  const [deleted, remove, deleting] = useActionState(actions.remove, {});
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        {http && enabled ? (
          <form action={check}>
            <input type="hidden" name="id" value={id} />
            <Button type="submit" variant="outline" className="px-2 py-1 text-xs" disabled={checking}>
              {checking ? "Checking…" : "Check now"}
            </Button>
          </form>
        ) : null}
        <form action={toggle}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="enabled" value={String(!enabled)} />
          <Button type="submit" variant="outline" className="px-2 py-1 text-xs" disabled={toggling}>
            {enabled ? "Pause" : "Resume"}
          </Button>
        </form>
        {deletable ? (
          <form
            action={remove}
            onSubmit={(e) => {
              if (!window.confirm(`Delete "${name}" with all its checks and incidents?`)) e.preventDefault();
            }}
          >
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
        ) : null}
      </div>
      <Message state={checked} />
      <Message state={toggled} />
      <Message state={deleted} />
    </div>
  );
}
