"use client";
import { useEffect } from "react";
import { reportBrowserError } from "@/lib/telemetry/browser-errors";

// Replaces the root layout when it fails, so it brings its own <html> and no app styles.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    reportBrowserError(error);
  }, [error]);
  return (
    <html lang="en">
      <head>
        <title>Unexpected error · Vigil</title>
      </head>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem", maxWidth: 560, margin: "0 auto" }}>
        <h1>Vigil hit an unexpected error</h1>
        <p>
          The error was logged{error.digest ? ` with reference ${error.digest}` : ""}. Try again, or check the server
          logs.
        </p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
