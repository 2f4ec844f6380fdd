"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-state";

export type RetryAction = FormAction<ActionState<"id">>;

export function RetryButton({ id, retry }: { id: string; retry: RetryAction }) {
  const [state, action, pending] = useActionState(retry, {});
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="outline" className="px-2 py-1 text-xs" disabled={pending}>
        {pending ? "Queuing…" : "Retry"}
      </Button>
      {!state.ok && state.message ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
