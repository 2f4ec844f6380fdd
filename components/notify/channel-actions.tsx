"use client";
import { useActionState, useState } from "react";
import { channelOpAction, type ChannelOpState } from "@/app/admin/settings/notification-actions";
import { Button } from "@/components/ui/button";

/** Send test, enable/disable and delete (asks once more) for one channel. */
export function ChannelActions({ id, name, enabled }: { id: string; name: string; enabled: boolean }) {
  const [state, action, pending] = useActionState<ChannelOpState, FormData>(channelOpAction, {});
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
      {state.ok ? (
        <span role="status" className="w-full text-xs text-emerald-700 dark:text-emerald-400">
          {state.ok}
        </span>
      ) : null}
      {state.error ? (
        <span role="alert" className="w-full text-xs text-red-700 dark:text-red-400">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
