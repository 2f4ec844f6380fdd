"use client";
import { useActionState, useId, type ReactNode } from "react";
import { ServerKeyOnce } from "@/components/sites/server-key-once";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import type { SiteField } from "@/lib/sites/site-input";
import type { SiteKeyShown } from "@/lib/sites/site-views";

/** Create and update answer alike; only a create carries `data` (the new server key, shown once). */
export type SaveSiteAction = FormAction<ActionState<SiteField, SiteKeyShown>>;
export type SiteFormValues = Record<SiteField, string>;
export const EMPTY_SITE: SiteFormValues = { name: "", slug: "", allowedOrigins: "" };

const control = "mt-1 block w-full rounded-lg border bg-white px-2 py-1.5 text-sm dark:bg-zinc-950";

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (props: { id: string; className: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children({
        id,
        className: cn(control, error ? "border-red-500" : "border-zinc-300 dark:border-zinc-700"),
        ...(error ? { "aria-invalid": true } : {}),
        ...(described ? { "aria-describedby": described } : {}),
      })}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400" data-testid="field-error">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Create (no `id`) or edit a site. Errors show under each field with what was typed, and nothing is stored; a
 * created site's server key is shown once, above a fresh form.
 */
export function SiteForm({
  id,
  initial,
  own = false,
  viewing,
  submitLabel,
  save,
}: {
  id?: number;
  initial: SiteFormValues;
  /** Vigil's own site keeps its slug. */
  own?: boolean;
  /** The site the page shows (`?site=`): renaming it moves the page to the new slug. */
  viewing?: string;
  submitLabel: string;
  save: SaveSiteAction;
}) {
  const [state, action, pending] = useActionState(save, {});
  const v: SiteFormValues = state.ok ? initial : { ...initial, ...state.values };
  const e = state.errors ?? {};
  const prefix = useId();
  const created = !id && state.ok ? state.data : undefined;
  return (
    <div className="space-y-3">
      {created ? <ServerKeyOnce shown={created} /> : null}
      <form
        action={action}
        key={state.n}
        className="space-y-3"
        noValidate
        data-testid={id ? "site-edit-form" : "site-create-form"}
      >
        {id ? <input type="hidden" name="id" value={id} /> : null}
        {viewing ? <input type="hidden" name="viewing" value={viewing} /> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id={`${prefix}-name`} label="Name" error={e.name}>
            {(p) => <input {...p} name="name" defaultValue={v.name} maxLength={120} autoComplete="off" />}
          </Field>
          <Field
            id={`${prefix}-slug`}
            label="Slug"
            hint={
              own
                ? "Vigil's own site keeps its slug."
                : "2–40 lowercase letters, digits and dashes; used in console URLs and metric labels."
            }
            error={e.slug}
          >
            {(p) => (
              <input
                {...p}
                name="slug"
                defaultValue={v.slug}
                maxLength={40}
                autoComplete="off"
                spellCheck={false}
                readOnly={own}
                className={cn(p.className, "font-mono", own && "bg-zinc-100 dark:bg-zinc-900")}
              />
            )}
          </Field>
        </div>
        <Field
          id={`${prefix}-origins`}
          label="Allowed origins"
          hint="One per line, like https://shop.example (scheme, host and port only). Browsers on other origins are refused; * accepts every origin."
          error={e.allowedOrigins}
        >
          {(p) => (
            <textarea
              {...p}
              name="allowedOrigins"
              defaultValue={v.allowedOrigins}
              rows={3}
              spellCheck={false}
              placeholder="https://shop.example"
              className={cn(p.className, "font-mono text-xs")}
            />
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : submitLabel}
          </Button>
          {!state.ok && state.message ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {state.message}
            </p>
          ) : null}
          {!state.ok && !state.message && Object.keys(e).length ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              Nothing was saved: fix the fields marked in red.
            </p>
          ) : null}
          {state.ok && state.message ? (
            <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              {state.message}
            </p>
          ) : null}
        </div>
      </form>
    </div>
  );
}
