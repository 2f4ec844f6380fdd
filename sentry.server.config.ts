import * as Sentry from "@sentry/nextjs";
import { serverSentryOptions } from "@/lib/sentry-options";
import { setErrorReporter } from "@/lib/telemetry/error-reporter";

Sentry.init({
  ...serverSentryOptions,
  // Request sessions (release health per request) cost a listener and an aggregate on every request, and Vigil
  // counts its own requests; the Http integration is otherwise kept as @sentry/nextjs sets it (ADR 0005).
  integrations: (defaults) =>
    defaults.map((i) =>
      i.name === "Http" ? Sentry.httpIntegration({ disableIncomingRequestSpans: true, sessions: false }) : i,
    ),
});
if (serverSentryOptions.enabled) setErrorReporter((err) => Sentry.captureException(err));
