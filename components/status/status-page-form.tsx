"use client";
import { useActionState, useId } from "react";
import { CheckboxField, FieldError, FormFooter, invalidProps, labelClass } from "@/components/status/form-parts";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import type { StatusPageField } from "@/lib/status/status-page-input";
import type { StatusPageSettings } from "@/lib/status/status-page-settings-view";

export type SaveStatusPageAction = FormAction<ActionState<StatusPageField>>;

/** A site's public status page: on or off, with an optional title and description (shown to anyone). */
export function StatusPageForm({
  id,
  siteName,
  initial,
  save,
}: {
  id: number;
  siteName: string;
  initial: StatusPageSettings;
  save: SaveStatusPageAction;
}) {
  const [state, action, pending] = useActionState(save, {});
  const v = state.ok || !state.values ? { ...initial, enabled: initial.enabled ? "on" : "" } : state.values;
  const e = state.errors ?? {};
  const p = useId();
  return (
    <form action={action} key={state.n} className="space-y-3" noValidate data-testid="status-page-form">
      <input type="hidden" name="id" value={id} />
      <CheckboxField
        id={`${p}-enabled`}
        name="enabled"
        label="Public status page"
        hint={
          <>
            Anyone can read <span className="font-mono">{initial.path}</span> without signing in: the monitors' names
            and states, 90 days of uptime bars, and incidents with their public updates. Never URLs, tokens, error text,
            internal notes or who wrote an update.
          </>
        }
        checked={v.enabled === "on"}
      />
      <div>
        <label htmlFor={`${p}-title`} className={labelClass}>
          Title (optional)
        </label>
        <input
          id={`${p}-title`}
          name="title"
          defaultValue={v.title ?? ""}
          maxLength={120}
          placeholder={siteName}
          autoComplete="off"
          {...invalidProps(`${p}-title`, e.title)}
        />
        <FieldError id={`${p}-title`} error={e.title} />
      </div>
      <div>
        <label htmlFor={`${p}-description`} className={labelClass}>
          Description (optional)
        </label>
        <textarea
          id={`${p}-description`}
          name="description"
          rows={2}
          defaultValue={v.description ?? ""}
          maxLength={500}
          {...invalidProps(`${p}-description`, e.description)}
        />
        <FieldError id={`${p}-description`} error={e.description} />
      </div>
      <FormFooter state={state} pending={pending} label="Save status page" pendingLabel="Saving…" />
    </form>
  );
}
