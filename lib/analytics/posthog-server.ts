import "server-only";
import { after } from "next/server";
import { env } from "@/lib/env.js";
import { logger } from "@/lib/log/logger";
import { createServerAnalytics, type EventProperties, type ServerAnalytics } from "./server-analytics";
import { processSingleton } from "@/lib/process-singleton";

// One client per process even when Next bundles this module more than once.
const serverAnalytics = (): ServerAnalytics => processSingleton("serverAnalytics", makeServerAnalytics);

function makeServerAnalytics(): ServerAnalytics {
  const analytics = createServerAnalytics({
    key: env.NEXT_PUBLIC_POSTHOG_KEY,
    host: env.POSTHOG_HOST,
    disabled: env.VIGIL_ANALYTICS_DISABLED,
    // Inside a request, Next's after() keeps the flush alive without delaying the response; outside one the
    // flush timer does the work.
    waitUntil: (promise) => {
      try {
        after(promise);
      } catch {
        // Not in a request scope.
      }
    },
    onError: (err) =>
      logger.warn(
        { event: "analytics.server", err: err instanceof Error ? err.message : String(err) },
        "PostHog server event not delivered",
      ),
  });
  if (analytics.enabled) process.once("beforeExit", () => void analytics.shutdown());
  return analytics;
}

/**
 * Sends a server-side product event to PostHog (POSTHOG_HOST). Returns at once and never throws; a no-op when
 * analytics is off. `distinctId` is a user id (or a stable system id), never an email.
 */
export function captureServerEvent(name: string, distinctId: string, properties?: EventProperties): void {
  try {
    serverAnalytics().capture(name, distinctId, properties);
  } catch {
    // Analytics must never break the caller.
  }
}

/** For short-lived callers (cron handlers) that want queued events out before they return. */
export const flushServerEvents = (timeoutMs?: number): Promise<void> => serverAnalytics().flush(timeoutMs);
