import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export const fieldInput = "w-full rounded-lg border bg-white px-2 py-1.5 text-sm dark:bg-zinc-950";

export type FieldControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string };
export type FormFieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (props: FieldControlProps) => ReactNode;
  className?: string;
};

/** A labelled form control with its inline error (tied to the control for screen readers) or its hint. */
export function FormField({ id, label, hint, error, children, className }: FormFieldProps) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
        {label}
      </label>
      {children({
        id,
        ...(error ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {}),
        className: cn(fieldInput, error ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"),
      })}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400" data-testid="field-error">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-muted">{hint}</p>
      ) : null}
    </div>
  );
}
