import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionState } from "@/lib/http/action-state";

export const control = "mt-1 block w-full rounded-lg border bg-white px-2 py-1.5 text-sm dark:bg-zinc-950";
export const labelClass = "block text-xs font-medium text-zinc-700 dark:text-zinc-300";

/** A control's classes and ARIA wiring for its error (if any), shown by `FieldError` with the same id. */
export const invalidProps = (id: string, error: string | undefined, className?: string) => ({
  className: cn(control, error ? "border-red-500" : "border-zinc-300 dark:border-zinc-700", className),
  ...(error ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {}),
});

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400" data-testid="field-error">
      {error}
    </p>
  ) : null;
}

/** Submit button, then the answer: a refusal (the action's message, else "fix the fields") or what was done. */
export function FormFooter({
  state,
  pending,
  label,
  pendingLabel,
  refusal,
}: {
  state: ActionState<string>;
  pending: boolean;
  label: string;
  pendingLabel: string;
  /** The refusal to show when the action gave no message (e.g. an error on a hidden field). */
  refusal?: string;
}) {
  const errors = Object.keys(state.errors ?? {}).length > 0;
  const refused = state.ok ? undefined : (state.message ?? refusal);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      {!state.ok && (refused || errors) ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {refused ?? "Nothing was saved: fix the fields marked in red."}
        </p>
      ) : null}
      {state.ok && state.message ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox with its label and a hint under it. */
export function CheckboxField({
  id,
  name,
  label,
  hint,
  checked,
}: {
  id: string;
  name: string;
  label: string;
  hint: ReactNode;
  checked: boolean;
}) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        name={name}
        defaultChecked={checked}
        className="mt-0.5"
        aria-describedby={`${id}-hint`}
      />
      <div>
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      </div>
    </div>
  );
}
