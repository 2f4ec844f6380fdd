"use client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card role="alert">
      <h2 className="text-base font-semibold">This page could not be loaded</h2>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        The server logged the details
        {error.digest ? (
          <>
            {" "}
            under reference <code>{error.digest}</code>
          </>
        ) : null}
        . Check that the database is reachable, then retry.
      </p>
      <Button className="mt-4" onClick={reset}>
        Retry
      </Button>
    </Card>
  );
}
