import type { z } from "zod";

/**
 * What every server action answers, and what its form renders (`useActionState`). `F` names the form's fields,
 * `D` is what a success hands back beyond a message (e.g. a secret shown once). Pure, so client components
 * import the type without pulling in server code.
 */
export type ActionState<F extends string = string, D = never> = {
  /** Bumped by each answer: a form keyed on it remounts, so echoed values re-apply to uncontrolled inputs. */
  n?: number;
  ok?: boolean;
  /** A sentence for the whole form: a refusal, an AppError, or what a successful verb did. */
  message?: string;
  /** The first complaint per field, shown under its input. */
  errors?: Partial<Record<F, string>>;
  /** What was typed, sent back with every answer that is not ok (never secrets, see `echo`). */
  values?: Partial<Record<F, string>>;
  data?: D;
};

/** A server action as a form's `useActionState` takes it; pages pass these to client components as props. */
export type FormAction<S extends ActionState<string, unknown> = ActionState> = (prev: S, form: FormData) => Promise<S>;

/** Longest echoed value: enough for any field a form accepts; the schema still sees (and refuses) the whole. */
export const ECHO_MAX_CHARS = 4096;

/**
 * The first message per field for the issues zod found; issues on no listed field (a union's discriminator, a
 * refinement of the whole object) become the form's message, so nothing is silently dropped.
 */
export function fieldErrorsOf<F extends string>(
  error: z.ZodError,
  fields: readonly F[],
): { errors: Partial<Record<F, string>>; message?: string } {
  const errors: Partial<Record<F, string>> = {};
  let message: string | undefined;
  for (const issue of error.issues) {
    const head = issue.path[0];
    if (typeof head === "string" && (fields as readonly string[]).includes(head)) errors[head as F] ??= issue.message;
    else message ??= issue.message;
  }
  return message === undefined ? { errors } : { errors, message };
}

/** The form's entries for `fields` as strings, cut to ECHO_MAX_CHARS; an absent entry (unchecked box) is "". */
export function echoOf<F extends string>(form: FormData, fields: readonly F[]): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const f of fields) {
    const v = form.get(f);
    out[f] = typeof v === "string" ? v.slice(0, ECHO_MAX_CHARS) : "";
  }
  return out;
}
