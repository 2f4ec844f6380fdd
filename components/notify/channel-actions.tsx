"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionState, FormAction } from "@/lib/http/action-state";

export type ChannelOpAction = FormAction<ActionState<"op" | "id">>;

/** Send test, enable/disable and delete (asks once more) for one channel. */
export function ChannelActions({
  id,
  name,
  enabled,
  channelOp,
}: {
  id: string;
  name: string;
  enabled: boolean;
  channelOp: ChannelOpAction;
}) {
  const [state, action, pending] = useActionState(channelOp, {});
  const [confirming, setConfirming] = useState(false);
  const small = "px-2 py-1 text-xs";
  return (
    <form action={action} className="flex flex-wrap items-center gap-1.5" aria-label={`Actions for ${name}`}>
      <input type="hidden" name="id" value={id} />
      <Button
        type="submit"
        name="op"
        value="test"
        variant="outline"
        className={small}
        disabled={pending || !enabled}
        title={enabled ? undefined : "Enable the channel first"}
      >
        Send test
      </Button>
      <Button
        type="submit"
        name="op"
        value={enabled ? "disable" : "enable"}
        variant="outline"
        className={small}
        disabled={pending}
      >
        {enabled ? "Disable" : "Enable"}
      </Button>
      {confirming ? (
        <>
          <Button
            type="submit"
            name="op"
            value="delete"
            variant="outline"
            className={`${small} border-red-400 text-red-700 dark:text-red-400`}
            disabled={pending}
          >
            Delete with its history
          </Button>
          <Button type="button" variant="ghost" className={small} onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </>
      ) : (
        <Button type="button" variant="ghost" className={small} onClick={() => setConfirming(true)}>
          Delete…
        </Button>
      )}
      {state.message ? (
        <span
          role={state.ok ? "status" : "alert"}
          className={cn(
            "w-full text-xs",
            state.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400",
          )}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
