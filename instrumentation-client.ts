import { startAnalytics } from "@/lib/analytics/analytics";
import { afterInteractive } from "@/lib/telemetry/after-interactive";
import { queueEarlyErrors } from "@/lib/telemetry/browser-errors";
import { clientConfig } from "@/lib/telemetry/client-config";

// Runs before hydration, so it stays tiny (ADR 0012): errors are queued from the first moment, and the Sentry and
// PostHog SDKs load only once the page is interactive. Without a DSN or key their code is never fetched.

// zod 4 probes `new Function("")` to pick its JIT; under the page CSP that probe is a violation. Console forms share
// schema modules with the server, so zod reaches some pages: set its global config (it reads this object) jitless
// without importing zod here.
const zodHost = globalThis as { __zod_globalConfig?: Record<string, unknown> };
zodHost.__zod_globalConfig = Object.assign(zodHost.__zod_globalConfig ?? {}, { jitless: true });

type RouterTransitionStart = (href: string, navigationType: string) => void;
let routerTransitionStart: RouterTransitionStart | undefined;

if (clientConfig.sentryDsn) {
  queueEarlyErrors();
  afterInteractive(() => {
    void import("@/lib/telemetry/sentry-browser").then((sentry) => {
      routerTransitionStart = sentry.startSentry();
    });
  });
}
startAnalytics();

/** Navigation spans, only when browser tracing is on (Sentry's captureRouterTransitionStart once it has loaded). */
export function onRouterTransitionStart(href: string, navigationType: string): void {
  routerTransitionStart?.(href, navigationType);
}
