"use client";
import { resetAnalytics } from "@/lib/analytics/analytics";

/** Sign-out also resets PostHog, so whoever uses this browser next is not counted as the same person. */
export function SignOutForm({ logout }: { logout: () => Promise<void> }) {
  return (
    <form action={logout} onSubmit={resetAnalytics}>
      <button
        type="submit"
        className="rounded-lg px-2 py-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Sign out
      </button>
    </form>
  );
}
