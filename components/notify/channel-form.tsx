"use client";
import { useActionState, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/http/action-state";
import type { ChannelCreated, ChannelField } from "@/lib/notify/channel-input";

export type AddChannelAction = FormAction<ActionState<ChannelField, ChannelCreated>>;

const input =
  "mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/** Label, control and its error; the error describes the control without becoming part of its name. */
function Field({ id, label, error, children }: { id: string; label: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <span id={`${id}-error`} className="mt-1 block text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Add a channel; after success, shows a generated signing secret once (it is never readable again). */
export function ChannelForm({ addChannel }: { addChannel: AddChannelAction }) {
  const [state, action, pending] = useActionState(addChannel, {});
  const [kind, setKind] = useState("webhook");
  const e = state.errors ?? {};
  const v = state.values;
  const created = state.ok ? state.data : undefined;
  const aria = (field: ChannelField) => ({
    "aria-invalid": Boolean(e[field]),
    "aria-describedby": e[field] ? `channel-${field}-error` : undefined,
  });
  // A new key after each answer re-applies the echoed values to the uncontrolled fields.
  return (
    <form action={action} className="space-y-3 text-sm" noValidate data-testid="channel-form" key={state.n}>
      <h3 className="text-sm font-semibold">Add a channel</h3>
      {!state.ok && state.message ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950 dark:text-red-300">
          {state.message}
        </p>
      ) : null}
      {created ? (
        <div
          role="status"
          className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
          data-testid="channel-created"
        >
          <p>Added “{created.name}”.</p>
          {created.secret ? (
            <>
              <p className="mt-1">Signing secret — copy it now, it will not be shown again:</p>
              <code
                className="mt-1 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100"
                data-testid="channel-secret"
              >
                {created.secret}
              </code>
            </>
          ) : null}
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="channel-name" label="Name" error={e.name}>
          <input
            id="channel-name"
            name="name"
            maxLength={120}
            defaultValue={v?.name}
            className={input}
            {...aria("name")}
          />
        </Field>
        <Field id="channel-kind" label="Kind" error={e.kind}>
          <select
            id="channel-kind"
            name="kind"
            value={kind}
            onChange={(ev) => setKind(ev.target.value)}
            className={input}
            {...aria("kind")}
          >
            <option value="webhook">Webhook (JSON, HMAC-signed)</option>
            <option value="slack">Slack-compatible incoming webhook</option>
            <option value="email">Email (SMTP)</option>
          </select>
        </Field>
      </div>
      <Field id="channel-url" label={kind === "email" ? "SMTP server URL" : "URL"} error={e.url}>
        <input
          id="channel-url"
          name="url"
          type={kind === "email" ? "text" : "url"}
          inputMode="url"
          maxLength={2048}
          placeholder={
            kind === "slack"
              ? "https://hooks.slack.com/services/…"
              : kind === "email"
                ? "smtps://alerts@smtp.example.com:465"
                : "https://example.com/vigil-hook"
          }
          defaultValue={v?.url}
          className={input}
          {...aria("url")}
        />
      </Field>
      {kind === "email" ? <EmailFields errors={e} values={v} aria={aria} /> : null}
      {kind === "webhook" ? (
        <Field
          id="channel-secret"
          label={
            <>
              Signing secret{" "}
              <span className="font-normal text-muted">(optional, 16–200 characters; empty: one is generated)</span>
            </>
          }
          error={e.secret}
        >
          <input
            id="channel-secret"
            name="secret"
            type="password"
            autoComplete="off"
            maxLength={200}
            className={input}
            {...aria("secret")}
          />
        </Field>
      ) : e.secret ? (
        <span className="block text-xs text-red-700 dark:text-red-400">{e.secret}</span>
      ) : null}
      <div className="flex items-start gap-2">
        <input
          id="channel-private"
          type="checkbox"
          name="allowPrivate"
          defaultChecked={v?.allowPrivate === "on"}
          className="mt-0.5 h-4 w-4"
          aria-describedby="channel-private-note"
        />
        <div>
          <label htmlFor="channel-private" className="font-medium">
            Allow private addresses
          </label>
          <span id="channel-private-note" className="block text-xs text-amber-700 dark:text-amber-400">
            Lets this channel reach loopback, private-network and cloud-metadata addresses. Tick it only for a receiver
            on your own network.
          </span>
        </div>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add channel"}
      </Button>
    </form>
  );
}

/** Password (kept like a signing secret: never shown again), sender and recipients of an email channel. */
function EmailFields({
  errors: e,
  values: v,
  aria,
}: {
  errors: Partial<Record<ChannelField, string>>;
  values?: Partial<Record<ChannelField, string>>;
  aria: (field: ChannelField) => { "aria-invalid": boolean; "aria-describedby": string | undefined };
}) {
  return (
    <>
      <Field
        id="channel-secret"
        label={
          <>
            SMTP password <span className="font-normal text-muted">(optional; never shown again)</span>
          </>
        }
        error={e.secret}
      >
        <input
          id="channel-secret"
          name="secret"
          type="password"
          autoComplete="off"
          maxLength={200}
          className={input}
          {...aria("secret")}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="channel-emailFrom" label="From" error={e.emailFrom}>
          <input
            id="channel-emailFrom"
            name="emailFrom"
            type="email"
            maxLength={254}
            placeholder="vigil@example.com"
            defaultValue={v?.emailFrom}
            className={input}
            {...aria("emailFrom")}
          />
        </Field>
        <Field
          id="channel-emailTo"
          label={
            <>
              Recipients <span className="font-normal text-muted">(up to 10, comma separated)</span>
            </>
          }
          error={e.emailTo}
        >
          <input
            id="channel-emailTo"
            name="emailTo"
            maxLength={2600}
            placeholder="oncall@example.com, lead@example.com"
            defaultValue={v?.emailTo}
            className={input}
            {...aria("emailTo")}
          />
        </Field>
      </div>
    </>
  );
}
