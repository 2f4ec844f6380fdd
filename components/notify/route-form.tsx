"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import { ROUTE_SEVERITIES, SEVERITY_LABELS, type RouteField } from "@/lib/notify/route-input";

export type AddRouteAction = FormAction<ActionState<RouteField>>;

const input =
  "mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/** Route this site's events of the ticked severities to one channel. */
export function RouteForm({
  site,
  channels,
  addRoute,
}: {
  site: string;
  channels: { id: string; name: string }[];
  addRoute: AddRouteAction;
}) {
  const [state, action, pending] = useActionState(addRoute, {});
  const e = state.errors ?? {};
  const v = state.values;
  return (
    <form action={action} className="space-y-3 text-sm" noValidate data-testid="route-form" key={state.n}>
      <h3 className="text-sm font-semibold">Add a route</h3>
      {state.message ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={cn(
            "rounded-lg px-3 py-2",
            state.ok
              ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
              : "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300",
          )}
        >
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="site" value={site} />
      <div>
        <label htmlFor="route-channel" className="block font-medium">
          Channel
        </label>
        <select
          id="route-channel"
          name="channelId"
          defaultValue={v?.channelId}
          className={input}
          aria-invalid={Boolean(e.channelId)}
          aria-describedby={e.channelId ? "route-channel-error" : undefined}
        >
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {e.channelId ? (
          <span id="route-channel-error" className="mt-1 block text-xs text-red-700 dark:text-red-400">
            {e.channelId}
          </span>
        ) : null}
      </div>
      <fieldset aria-describedby={e.page ? "route-severity-error" : undefined}>
        <legend className="font-medium">Severities</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {ROUTE_SEVERITIES.map((s) => (
            <label key={s} className="flex items-center gap-2">
              <input type="checkbox" name={s} defaultChecked={v?.[s] === "on"} className="h-4 w-4" />
              {SEVERITY_LABELS[s]}
            </label>
          ))}
        </div>
        {e.page ? (
          <span id="route-severity-error" className="mt-1 block text-xs text-red-700 dark:text-red-400">
            {e.page}
          </span>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add route"}
      </Button>
    </form>
  );
}
