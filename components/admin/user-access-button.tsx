"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-state";

export type UserAccessAction = FormAction<ActionState<"id" | "change">>;

/** One small form per user row; the server action re-checks the admin role. */
export function UserAccessButton({
  id,
  email,
  change,
  changeAccess,
}: {
  id: string;
  email: string;
  change: "approve" | "revoke";
  changeAccess: UserAccessAction;
}) {
  const [state, action, pending] = useActionState(changeAccess, {});
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="change" value={change} />
      <Button
        type="submit"
        variant={change === "approve" ? "primary" : "ghost"}
        className="px-2 py-1 text-xs"
        disabled={pending}
        aria-label={`${change === "approve" ? "Approve" : "Revoke"} ${email}`}
      >
        {change === "approve" ? "Approve" : "Revoke"}
      </Button>
      {state.message ? (
        <p
          role="status"
          className={state.ok ? "text-xs text-zinc-600 dark:text-zinc-300" : "text-xs text-red-700 dark:text-red-400"}
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
