import * as Sentry from "@sentry/nextjs";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServerTelemetry } = await import("./lib/telemetry/start");
    await startServerTelemetry();
    await import("./sentry.server.config");
    const { scheduleVitalsRetention } = await import("./lib/vitals/retention");
    scheduleVitalsRetention();
  }
  if (process.env.NEXT_RUNTIME === "edge") await import("./sentry.edge.config");
}

export const onRequestError = Sentry.captureRequestError;
