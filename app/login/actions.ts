"use server";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import { LoginInput, safeCallbackPath } from "@/lib/auth/login-input";

export type LoginState = {
  error?: string;
  fieldErrors?: Partial<Record<"email" | "password", string>>;
  email?: string;
};

export async function loginAction(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = typeof form.get("email") === "string" ? String(form.get("email")).slice(0, 254) : "";
  const parsed = LoginInput.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) {
    const fieldErrors: LoginState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "email" || field === "password") && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { fieldErrors, email };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackPath(form.get("callbackUrl")) });
    return {};
  } catch (err) {
    // signIn signals success by throwing Next's redirect, which must propagate.
    if (!(err instanceof AuthError)) throw err;
    const throttled = "code" in err && err.code === "throttled";
    return {
      email,
      error: throttled
        ? "Too many failed attempts from this address. Wait a little and try again: each failure doubles the wait."
        : "Email or password is incorrect.",
    };
  }
}

export async function oauthAction(form: FormData): Promise<void> {
  const provider = form.get("provider");
  if (provider !== "github") return;
  await signIn(provider, { redirectTo: safeCallbackPath(form.get("callbackUrl")) });
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: "/login?signedOut=1" });
}
