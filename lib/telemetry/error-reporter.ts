// Handlers that catch their own errors (toErrorResponse) report here; onRequestError only sees uncaught ones.
// sentry.server.config.ts installs the reporter, so a build without Sentry never imports the SDK through this path.
type Reporter = (err: unknown) => void;
const KEY = Symbol.for("vigil.errorReporter");
// On globalThis: Next bundles modules more than once, and instrumentation and route bundles must see one reporter.
const slot = globalThis as { [KEY]?: Reporter };

export function setErrorReporter(reporter: Reporter | undefined): void {
  slot[KEY] = reporter;
}

export function reportError(err: unknown): void {
  try {
    slot[KEY]?.(err);
  } catch {
    // Reporting must never turn a handled error into a crash.
  }
}
