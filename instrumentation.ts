import type { Instrumentation } from "next";
import { env } from "./lib/env.js";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerTelemetry } = await import("./lib/telemetry/start");
    await startServerTelemetry();
    if (env.VIGIL_SENTRY_SDK) await import("./sentry.server.config");
    if (env.VIGIL_SCHEDULER === "in-process") {
      const { startInProcessScheduler } = await import("./lib/scheduler/in-process");
      startInProcessScheduler();
    }
  }
  if (process.env.NEXT_RUNTIME === "edge" && env.VIGIL_SENTRY_SDK) await import("./sentry.edge.config");
}

// Imported lazily so that a build without Sentry (VIGIL_SENTRY_SDK=false) never loads the SDK; register() already did.
export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (!env.VIGIL_SENTRY_SDK) return;
  const { captureRequestError } = await import("@sentry/nextjs");
  return captureRequestError(...args);
};
