"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { LoginField } from "@/lib/auth/login-input";
import type { ActionState, FormAction } from "@/lib/http/action-state";

const field =
  "mt-1 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-zinc-500 focus:outline-none focus:ring-2 focus:ring-zinc-500/30 dark:border-zinc-700 dark:bg-zinc-950";

export function LoginForm({ callbackUrl, login }: { callbackUrl: string; login: FormAction<ActionState<LoginField>> }) {
  const [state, action, pending] = useActionState(login, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.message ? (
        <p
          role="alert"
          className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300"
        >
          {state.message}
        </p>
      ) : null}
      <label className="block text-sm font-medium">
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values?.email}
          className={field}
          aria-invalid={Boolean(state.errors?.email)}
        />
        {state.errors?.email ? (
          <span className="mt-1 block text-xs text-red-700 dark:text-red-400">{state.errors.email}</span>
        ) : null}
      </label>
      <label className="block text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={field}
          aria-invalid={Boolean(state.errors?.password)}
        />
        {state.errors?.password ? (
          <span className="mt-1 block text-xs text-red-700 dark:text-red-400">{state.errors.password}</span>
        ) : null}
      </label>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
