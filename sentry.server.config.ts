import * as Sentry from "@sentry/nextjs";
import { serverSentryOptions } from "@/lib/sentry-options";

Sentry.init(serverSentryOptions);
