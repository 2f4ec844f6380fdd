"use server";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import { LOGIN_FIELDS, LoginInput, safeCallbackPath } from "@/lib/auth/login-input";
import { action } from "@/lib/http/action";

/** Signs in with email and password; the email typed comes back with any refusal, the password never. */
export const loginAction = action(
  { role: null, fields: LOGIN_FIELDS, input: LoginInput, echo: ["email"] },
  async (input, { form }) => {
    try {
      await signIn("credentials", { ...input, redirectTo: safeCallbackPath(form.get("callbackUrl")) });
      return { ok: true };
    } catch (err) {
      // signIn signals success by throwing Next's redirect, which must propagate.
      if (!(err instanceof AuthError)) throw err;
      const throttled = "code" in err && err.code === "throttled";
      return {
        ok: false,
        message: throttled
          ? "Too many failed attempts from this address. Wait a little and try again: each failure doubles the wait."
          : "Email or password is incorrect.",
      };
    }
  },
);

export async function oauthAction(form: FormData): Promise<void> {
  const provider = form.get("provider");
  if (provider !== "github") return;
  await signIn(provider, { redirectTo: safeCallbackPath(form.get("callbackUrl")) });
}

export async function logoutAction(): Promise<void> {
  await signOut({ redirectTo: "/login?signedOut=1" });
}
