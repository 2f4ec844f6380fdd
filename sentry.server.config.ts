import * as Sentry from "@sentry/nextjs";
import { serverSentryOptions } from "@/lib/sentry-options";
import { setErrorReporter } from "@/lib/telemetry/error-reporter";

Sentry.init(serverSentryOptions);
if (serverSentryOptions.enabled) setErrorReporter((err) => Sentry.captureException(err));
