import type { Server } from "node:http";
import { type RecordedView, startReceiver } from "../../tests/support/http-receiver";
import { E2E_PORT } from "./config";

/** One request a local receiver recorded: what an SDK actually sent. */
export type Recorded = RecordedView;

// Local stand-ins for Sentry, PostHog and an OTLP collector. They run in Playwright's global setup (another process
// than the tests), so tests read what arrived over HTTP: GET /__recorded (DELETE clears). CORS is open for browsers.
export const RECEIVER_PORTS = { sentry: E2E_PORT + 10, posthog: E2E_PORT + 11, otlp: E2E_PORT + 12 } as const;
export type ReceiverName = keyof typeof RECEIVER_PORTS;
export const receiverUrl = (name: ReceiverName) => `http://127.0.0.1:${RECEIVER_PORTS[name]}`;

/** A receiver in Playwright's global setup: open CORS, what arrived served at /__recorded. */
export const startRecorder = async (port: number): Promise<Server> =>
  (await startReceiver({ port, cors: true, inspect: true })).server;

/** Used by tests: everything a receiver has recorded so far. */
export async function recordedBy(name: ReceiverName): Promise<Recorded[]> {
  const res = await fetch(`${receiverUrl(name)}/__recorded`);
  return (await res.json()) as Recorded[];
}

/** Polls a receiver until `pick` finds something, or fails with what did arrive. */
export async function waitForRecorded<T>(
  name: ReceiverName,
  pick: (all: Recorded[]) => T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let all: Recorded[] = [];
  while (Date.now() < deadline) {
    all = await recordedBy(name);
    const found = pick(all);
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `${name} receiver: nothing matched within ${timeoutMs} ms; ${all.length} requests arrived: ${all.map((r) => `${r.method} ${r.path}`).join(", ")}`,
  );
}
