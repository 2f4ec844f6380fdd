"use client";
import { useActionState, useId } from "react";
import { CheckboxField, FieldError, FormFooter, invalidProps, labelClass } from "@/components/status/form-parts";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import { type IncidentUpdateField, MAX_UPDATE_BODY, UPDATE_STATUSES } from "@/lib/status/incident-update-input";

export type AddIncidentUpdateAction = FormAction<ActionState<IncidentUpdateField>>;

/** An admin's update on an incident: a status label (suggested or free), the text, and whether it is public. */
export function IncidentUpdateForm({
  incident,
  site,
  add,
}: {
  incident: string;
  site: string;
  add: AddIncidentUpdateAction;
}) {
  const [state, action, pending] = useActionState(add, {});
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.errors ?? {};
  const id = useId();
  return (
    <form action={action} key={state.n} className="space-y-3" noValidate data-testid="incident-update-form">
      <input type="hidden" name="incident" value={incident} />
      <input type="hidden" name="site" value={site} />
      <div>
        <label htmlFor={`${id}-status`} className={labelClass}>
          Status
        </label>
        <input
          id={`${id}-status`}
          name="status"
          list={`${id}-statuses`}
          defaultValue={v.status ?? "investigating"}
          maxLength={40}
          autoComplete="off"
          {...invalidProps(`${id}-status`, e.status, "max-w-xs")}
        />
        <datalist id={`${id}-statuses`}>
          {UPDATE_STATUSES.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <FieldError id={`${id}-status`} error={e.status} />
      </div>
      <div>
        <label htmlFor={`${id}-body`} className={labelClass}>
          Update
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={3}
          defaultValue={v.body ?? ""}
          maxLength={MAX_UPDATE_BODY}
          {...invalidProps(`${id}-body`, e.body)}
        />
        <FieldError id={`${id}-body`} error={e.body} />
      </div>
      <CheckboxField
        id={`${id}-public`}
        name="public"
        label="Public: show on the site's status page"
        hint="Unchecked, it is an internal note seen only in the console. The status page never shows authors."
        checked={v.public === "on"}
      />
      <FormFooter
        state={state}
        pending={pending}
        label="Add update"
        pendingLabel="Adding…"
        refusal={e.incident ? "Unknown incident." : undefined}
      />
    </form>
  );
}
