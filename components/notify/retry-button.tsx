"use client";
import { useActionState } from "react";
import { retryDeliveryAction, type RetryState } from "@/app/admin/alerts/delivery-actions";
import { Button } from "@/components/ui/button";

export function RetryButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState<RetryState, FormData>(retryDeliveryAction, {});
  return (
    <form action={action} className="flex flex-col items-start gap-1">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="outline" className="px-2 py-1 text-xs" disabled={pending}>
        {pending ? "Queuing…" : "Retry"}
      </Button>
      {state.error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
