// The eager part of browser error reporting: a few hundred bytes that hold every error until the Sentry SDK
// (loaded after the page is interactive, lib/telemetry/sentry-browser.ts) arrives, then hand them to it.

type Sink = (error: unknown) => void;

const pending: unknown[] = [];
const MAX_PENDING = 30;
let sink: Sink | undefined;

/** Sends an error to Sentry now, or as soon as the SDK has loaded; never throws. */
export function reportBrowserError(error: unknown): void {
  if (sink) sink(error);
  else if (pending.length < MAX_PENDING) pending.push(error);
}

const onError = (e: ErrorEvent) => reportBrowserError(e.error ?? e.message);
const onRejection = (e: PromiseRejectionEvent) => reportBrowserError(e.reason);

/** Until the SDK's own global handlers are installed, uncaught errors and rejections wait in the queue. */
export function queueEarlyErrors(): void {
  if (typeof window === "undefined") return;
  window.addEventListener("error", onError);
  window.addEventListener("unhandledrejection", onRejection);
}

/** Called once the SDK is initialised (its handlers now see new errors): replays the queue into `next`. */
export function drainEarlyErrors(next: Sink): void {
  window.removeEventListener("error", onError);
  window.removeEventListener("unhandledrejection", onRejection);
  sink = next;
  for (const error of pending.splice(0)) next(error);
}
