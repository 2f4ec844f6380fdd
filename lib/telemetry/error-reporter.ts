// apiRoute (lib/http/api-route) catches route handlers' errors and reports their 500s here; onRequestError only
// sees uncaught ones.
// sentry.server.config.ts installs the reporter, so a build without Sentry never imports the SDK through this path.
import { processSlot } from "@/lib/process-singleton";
type Reporter = (err: unknown) => void;
// Process-wide: instrumentation and route bundles must see one reporter.
const slot = processSlot<Reporter>("errorReporter");

export function setErrorReporter(reporter: Reporter | undefined): void {
  slot.value = reporter;
}

export function reportError(err: unknown): void {
  try {
    slot.value?.(err);
  } catch {
    // Reporting must never turn a handled error into a crash.
  }
}
