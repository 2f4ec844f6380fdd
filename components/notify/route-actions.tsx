"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionState, FormAction } from "@/lib/http/action-state";

export type RouteOpAction = FormAction<ActionState<"op" | "site" | "severity" | "channelId">>;

/** Send a test through one route, or remove it. */
export function RouteActions({
  site,
  severity,
  channelId,
  label,
  enabled,
  routeOp,
}: {
  site: string;
  severity: string;
  channelId: string;
  label: string;
  enabled: boolean;
  routeOp: RouteOpAction;
}) {
  const [state, action, pending] = useActionState(routeOp, {});
  const small = "px-2 py-1 text-xs";
  return (
    <form action={action} className="flex flex-wrap items-center gap-1.5" aria-label={`Actions for route ${label}`}>
      <input type="hidden" name="site" value={site} />
      <input type="hidden" name="severity" value={severity} />
      <input type="hidden" name="channelId" value={channelId} />
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
      <Button type="submit" name="op" value="delete" variant="ghost" className={small} disabled={pending}>
        Remove
      </Button>
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
