import "server-only";
import { revalidatePath } from "next/cache";
import type { Session } from "next-auth";
import type { z } from "zod";
import { requireApiSession } from "@/lib/auth/guard";
import type { AccessRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { echoOf, fieldErrorsOf, type ActionState, type FormAction } from "@/lib/http/action-state";

export type ActionSpec<S extends z.ZodType, F extends string, R extends AccessRole | null> = {
  /** Who may run it, re-checked on every call (an action is a public POST endpoint); null only for sign-in. */
  role: R;
  /** The form entries handed to `input`, which also name the fields errors and echoes refer to. */
  fields: readonly F[];
  input: S;
  /** Entries sent back with every answer that is not ok, so the form keeps what was typed. Never secrets. */
  echo?: readonly F[];
  /** One message instead of field errors, for forms whose fields are hidden (ids, verbs): "Unknown monitor." */
  invalid?: string;
  /** Paths to revalidate once the verb has run (whatever it answered). */
  revalidate?: readonly string[];
};

export type ActionContext<R extends AccessRole | null> = {
  session: R extends AccessRole ? Session : null;
  form: FormData;
};

/**
 * Field errors an AppError names in its details (`[{ path, message }]`, as verbs report a taken slug), for the
 * fields of this form only; the error's message stays the form's message.
 */
function detailErrorsOf<F extends string>(
  err: AppError,
  fields: readonly F[],
): { errors?: Partial<Record<F, string>> } {
  if (!Array.isArray(err.details)) return {};
  const errors: Partial<Record<F, string>> = {};
  for (const d of err.details as unknown[]) {
    const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown };
    if (typeof path === "string" && typeof message === "string" && (fields as readonly string[]).includes(path))
      errors[path as F] ??= message;
  }
  return Object.keys(errors).length ? { errors } : {};
}

/**
 * The one way to write a server action: check the role, parse the form with `input` (issues become field
 * errors), run the verb, turn an AppError into the form's message. Anything else thrown propagates: Next's
 * redirects (sign-in) must, and unknown errors belong to the error boundary, not to a reassuring message.
 */
export function action<S extends z.ZodType, const F extends string, R extends AccessRole | null, D = never>(
  spec: ActionSpec<S, F, R>,
  run: (input: z.output<S>, ctx: ActionContext<R>) => Promise<ActionState<F, D>>,
): FormAction<ActionState<F, D>> {
  return async (prev, form) => {
    const n = (prev?.n ?? 0) + 1;
    const values = spec.echo?.length ? echoOf(form, spec.echo) : undefined;
    const refuse = (answer: ActionState<F, D>): ActionState<F, D> => ({
      ...(values ? { values } : {}),
      ...answer,
      n,
      ok: false,
    });

    let session: Session | null = null;
    if (spec.role !== null) {
      try {
        session = await requireApiSession(spec.role);
      } catch (err) {
        if (err instanceof AppError) return refuse({ message: err.message });
        throw err;
      }
    }

    const parsed = spec.input.safeParse(Object.fromEntries(spec.fields.map((f) => [f, form.get(f) ?? undefined])));
    if (!parsed.success)
      return refuse(spec.invalid ? { message: spec.invalid } : fieldErrorsOf(parsed.error, spec.fields));

    let answer: ActionState<F, D>;
    try {
      answer = await run(parsed.data, { session, form } as ActionContext<R>);
    } catch (err) {
      if (err instanceof AppError) return refuse({ message: err.message, ...detailErrorsOf(err, spec.fields) });
      throw err;
    }
    for (const path of spec.revalidate ?? []) revalidatePath(path);
    return answer.ok ? { ...answer, n } : refuse(answer);
  };
}
