"use client";
import { useActionState, useState } from "react";
import { ServerKeyOnce } from "@/components/sites/server-key-once";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import type { SiteKeyShown } from "@/lib/sites/site-views";

export type RotateSiteKeyAction = FormAction<ActionState<"id", SiteKeyShown>>;

/** Makes a new server key after one more click (the current one stops working), then shows it once. */
export function SiteKeyRotation({
  id,
  name,
  hasKey,
  rotate,
}: {
  id: number;
  name: string;
  hasKey: boolean;
  rotate: RotateSiteKeyAction;
}) {
  const [state, action, pending] = useActionState(rotate, {});
  // Asking is tied to the answer count, so the question closes by itself once the action has answered.
  const [askedAt, setAskedAt] = useState<number | null>(null);
  const confirming = askedAt === (state.n ?? 0);
  const setConfirming = (ask: boolean) => setAskedAt(ask ? (state.n ?? 0) : null);
  const shown = state.ok ? state.data : undefined;
  return (
    <div className="space-y-2">
      {shown ? <ServerKeyOnce shown={shown} rotated={hasKey} /> : null}
      {confirming ? (
        <form
          action={action}
          className="flex flex-wrap items-center gap-2 rounded-lg border border-zinc-200 p-2 text-sm dark:border-zinc-800"
          aria-label={`Rotate the server key of ${name}`}
        >
          <input type="hidden" name="id" value={id} />
          <span className="text-xs">
            {hasKey
              ? "The current key stops working at once: apps that send metrics with it are refused until they get the new one."
              : "Makes the site's first server key, for apps that send request metrics."}
          </span>
          <Button type="submit" variant="outline" className="px-2 py-1 text-xs" disabled={pending}>
            {hasKey ? "Rotate now" : "Make the key"}
          </Button>
          <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setConfirming(false)}>
            Keep the current key
          </Button>
        </form>
      ) : (
        <Button
          type="button"
          variant="outline"
          className="px-2 py-1 text-xs"
          disabled={pending}
          onClick={() => setConfirming(true)}
        >
          {pending ? "Rotating…" : hasKey ? "Rotate server key…" : "Make a server key…"}
        </Button>
      )}
      {!state.ok && state.message ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
