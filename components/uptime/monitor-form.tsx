"use client";
import { createContext, useActionState, useContext, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, type FormFieldProps } from "@/components/ui/form-field";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import type { MonitorField, MonitorFormValues } from "@/lib/uptime/monitor-input";

export type SaveMonitorAction = FormAction<ActionState<MonitorField>>;

export const EMPTY_MONITOR: MonitorFormValues = {
  kind: "http",
  name: "",
  slug: "",
  method: "GET",
  url: "",
  expectedStatus: "200",
  bodyContains: "",
  timeoutSeconds: "10",
  intervalSeconds: "60",
  failureThreshold: "3",
  allowPrivate: "",
  graceSeconds: "300",
};

// Several forms share the page (add, and one per monitor to edit): ids get the form's own prefix.
const FormId = createContext("monitor");

function Field({ name, ...rest }: Omit<FormFieldProps, "id"> & { name: MonitorField }) {
  return <FormField id={`${useContext(FormId)}-${name}`} {...rest} />;
}

/** Add (no `id`) or edit a monitor. Errors show under each field and keep what was typed. */
export function MonitorForm({
  id,
  site,
  initial,
  submitLabel,
  save,
}: {
  id?: string;
  /** The slug of the site a new monitor joins (an edit keeps its monitor's site). */
  site?: string;
  initial: MonitorFormValues;
  submitLabel: string;
  save: SaveMonitorAction;
}) {
  const [state, action, pending] = useActionState(save, {});
  const v: MonitorFormValues = state.ok ? initial : { ...initial, ...state.values };
  const [kind, setKind] = useState(v.kind === "heartbeat" ? "heartbeat" : "http");
  const e = state.errors ?? {};
  const prefix = useId();
  return (
    <FormId.Provider value={prefix}>
      <form
        action={action}
        key={state.n}
        className="space-y-3"
        data-testid={id ? "monitor-edit-form" : "monitor-add-form"}
        noValidate
      >
        {id ? <input type="hidden" name="id" value={id} /> : null}
        {!id && site ? <input type="hidden" name="site" value={site} /> : null}
        <div className="grid gap-3 sm:grid-cols-3">
          <Field name="kind" label="Type" error={e.kind}>
            {(p) =>
              id ? (
                <>
                  <input type="hidden" name="kind" value={kind} />
                  <select {...p} defaultValue={kind} disabled>
                    <option value="http">HTTP probe</option>
                    <option value="heartbeat">Heartbeat</option>
                  </select>
                </>
              ) : (
                <select
                  {...p}
                  name="kind"
                  value={kind}
                  onChange={(ev) => setKind(ev.target.value === "heartbeat" ? "heartbeat" : "http")}
                >
                  <option value="http">HTTP probe</option>
                  <option value="heartbeat">Heartbeat (a job pings Vigil)</option>
                </select>
              )
            }
          </Field>
          <Field name="name" label="Name" error={e.name}>
            {(p) => <input {...p} name="name" defaultValue={v.name} maxLength={120} required />}
          </Field>
          <Field
            name="slug"
            label="Slug (optional)"
            hint="Names it in SLO specs; derived from the name if empty."
            error={e.slug}
          >
            {(p) => <input {...p} name="slug" defaultValue={v.slug} maxLength={63} />}
          </Field>
        </div>
        {kind === "http" ? (
          <>
            <div className="grid gap-3 sm:grid-cols-[7rem_1fr]">
              <Field name="method" label="Method" error={e.method}>
                {(p) => (
                  <select {...p} name="method" defaultValue={v.method}>
                    <option>GET</option>
                    <option>HEAD</option>
                    <option>POST</option>
                  </select>
                )}
              </Field>
              <Field name="url" label="URL" error={e.url}>
                {(p) => (
                  <input
                    {...p}
                    name="url"
                    type="url"
                    defaultValue={v.url}
                    maxLength={2048}
                    placeholder="https://example.com/health"
                  />
                )}
              </Field>
            </div>
            <div className="grid gap-3 sm:grid-cols-5">
              <Field name="expectedStatus" label="Expected status" error={e.expectedStatus}>
                {(p) => <input {...p} name="expectedStatus" inputMode="numeric" defaultValue={v.expectedStatus} />}
              </Field>
              <Field
                name="bodyContains"
                label="Body contains (optional)"
                error={e.bodyContains}
                className="sm:col-span-2"
              >
                {(p) => <input {...p} name="bodyContains" defaultValue={v.bodyContains} maxLength={200} />}
              </Field>
              <Field name="timeoutSeconds" label="Timeout (s)" hint="1–30" error={e.timeoutSeconds}>
                {(p) => <input {...p} name="timeoutSeconds" inputMode="numeric" defaultValue={v.timeoutSeconds} />}
              </Field>
              <Field name="intervalSeconds" label="Interval (s)" hint="30–3600" error={e.intervalSeconds}>
                {(p) => <input {...p} name="intervalSeconds" inputMode="numeric" defaultValue={v.intervalSeconds} />}
              </Field>
            </div>
          </>
        ) : (
          <div className="grid gap-3 sm:grid-cols-5">
            <Field name="intervalSeconds" label="Expected every (s)" hint="30 s – 7 days" error={e.intervalSeconds}>
              {(p) => <input {...p} name="intervalSeconds" inputMode="numeric" defaultValue={v.intervalSeconds} />}
            </Field>
            <Field name="graceSeconds" label="Grace (s)" hint="0 – 1 day of lateness allowed" error={e.graceSeconds}>
              {(p) => <input {...p} name="graceSeconds" inputMode="numeric" defaultValue={v.graceSeconds} />}
            </Field>
          </div>
        )}
        <div className="grid gap-3 sm:grid-cols-5">
          <Field
            name="failureThreshold"
            label="Failures before incident"
            hint="1–10 in a row"
            error={e.failureThreshold}
          >
            {(p) => <input {...p} name="failureThreshold" inputMode="numeric" defaultValue={v.failureThreshold} />}
          </Field>
          {kind === "http" ? (
            <div className="sm:col-span-4">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="allowPrivate"
                  defaultChecked={v.allowPrivate === "on" || v.allowPrivate === "true"}
                />
                Allow private addresses
              </label>
              <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">
                Turns the SSRF guard off for this monitor: it may then reach loopback, private-network and
                cloud-metadata addresses (also through redirects). Only for targets you run inside your own network.
              </p>
            </div>
          ) : null}
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : submitLabel}
          </Button>
          {!state.ok && state.message ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {state.message}
            </p>
          ) : null}
          {Object.keys(e).length && !state.message ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              Nothing was saved: fix the fields marked in red.
            </p>
          ) : null}
          {state.ok ? (
            <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              Saved.
            </p>
          ) : null}
        </div>
      </form>
    </FormId.Provider>
  );
}
