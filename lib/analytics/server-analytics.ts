import { PostHog } from "posthog-node";

// posthog-node behind a small verb set that never throws and never makes a caller wait for the network.
// No env or Next imports here, so tests can point it at a local receiver.

export type ServerAnalyticsConfig = {
  key?: string;
  host: string;
  disabled?: boolean;
  /** Keeps the process (or serverless invocation) alive until a flush started during a request is done. */
  waitUntil?: (promise: Promise<unknown>) => void;
  onError?: (err: unknown) => void;
};

export type EventProperties = Record<string, string | number | boolean | null | undefined>;

export interface ServerAnalytics {
  readonly enabled: boolean;
  capture(name: string, distinctId: string, properties?: EventProperties): void;
  /** Sends what is queued; resolves (never rejects) after at most `timeoutMs`. */
  flush(timeoutMs?: number): Promise<void>;
  shutdown(timeoutMs?: number): Promise<void>;
}

const MAX_ID = 200;
const bounded = <T>(work: Promise<T>, ms: number) =>
  new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    timer.unref?.();
    work.then(
      () => {
        clearTimeout(timer);
        done();
      },
      () => {
        clearTimeout(timer);
        done();
      },
    );
  });

const NOOP: ServerAnalytics = { enabled: false, capture() {}, flush: async () => {}, shutdown: async () => {} };

export function createServerAnalytics(config: ServerAnalyticsConfig): ServerAnalytics {
  if (!config.key || config.disabled) return NOOP;
  let client: PostHog;
  try {
    // flushAt small and a short interval: events are few (sign-ins, alerts) and should not sit in memory.
    client = new PostHog(config.key, {
      host: config.host,
      flushAt: 5,
      flushInterval: 1_000,
      requestTimeout: 5_000,
      fetchRetryCount: 2,
      fetchRetryDelay: 500,
      waitUntil: config.waitUntil,
      enableExceptionAutocapture: false,
    });
    client.on("error", (err) => config.onError?.(err));
  } catch (err) {
    config.onError?.(err);
    return NOOP;
  }
  let closed = false;
  return {
    enabled: true,
    capture(name, distinctId, properties = {}) {
      if (closed || typeof name !== "string" || typeof distinctId !== "string") return;
      if (!name || name.length > MAX_ID || !distinctId || distinctId.length > MAX_ID) return;
      try {
        client.capture({ event: name, distinctId, properties });
      } catch (err) {
        config.onError?.(err);
      }
    },
    flush: (timeoutMs = 2_000) =>
      bounded(
        Promise.resolve().then(() => client.flush()),
        timeoutMs,
      ),
    shutdown(timeoutMs = 2_000) {
      closed = true;
      return bounded(
        Promise.resolve().then(() => client.shutdown(timeoutMs)),
        timeoutMs + 100,
      );
    },
  };
}
