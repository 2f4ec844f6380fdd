import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { auth, oauthProviders } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/login-input";
import { loginAction, logoutAction, oauthAction } from "@/app/login/actions";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; signedOut?: string; error?: string }> };

const alert = "mb-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300";

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(Array.isArray(params.callbackUrl) ? params.callbackUrl[0] : params.callbackUrl);
  const session = await auth();
  if (session?.user && session.user.role !== "pending") redirect(callbackUrl);
  if (session?.user) return <AwaitingApproval email={session.user.email ?? ""} />;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <Card className="w-full max-w-sm">
        <p className="text-xs font-semibold uppercase tracking-widest text-muted">Vigil</p>
        <h1 className="mb-1 mt-1 text-xl font-semibold">Sign in to the console</h1>
        <p className="mb-5 text-sm text-muted">
          Use the admin account printed by <code>npm start</code>, or one an admin created for you.
        </p>
        {params.signedOut ? (
          <p className="mb-4 rounded-lg bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800" role="status">
            You have been signed out.
          </p>
        ) : null}
        {params.error === "AccessDenied" ? (
          <p className={alert} role="alert">
            This GitHub account is not on this instance&apos;s allowlist. Ask an admin to add you.
          </p>
        ) : params.error ? (
          <p className={alert} role="alert">
            Sign-in failed. Try again.
          </p>
        ) : null}
        <LoginForm callbackUrl={callbackUrl} login={loginAction} />
        {oauthProviders.map((p) => (
          <form key={p.id} action={oauthAction} className="mt-3">
            <input type="hidden" name="provider" value={p.id} />
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <Button type="submit" variant="outline" className="w-full">
              Continue with {p.name}
            </Button>
          </form>
        ))}
      </Card>
    </main>
  );
}

/** Signed in, but no allowlist admitted this account: nothing is readable until an admin approves it in Settings. */
function AwaitingApproval({ email }: { email: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <Card className="w-full max-w-sm" data-testid="awaiting-approval">
        <p className="text-xs font-semibold uppercase tracking-widest text-muted">Vigil</p>
        <h1 className="mb-1 mt-1 text-xl font-semibold">Waiting for an admin</h1>
        <p className="mb-5 text-sm text-zinc-600 dark:text-zinc-400" role="status">
          You are signed in as <strong>{email}</strong>, but this account has no access yet. An admin can approve it
          under Settings → Users; then reload this page.
        </p>
        <form action={logoutAction}>
          <Button type="submit" variant="outline" className="w-full">
            Sign out
          </Button>
        </form>
      </Card>
    </main>
  );
}
