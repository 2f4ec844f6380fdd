// Browser side: counts uncaught errors and unhandled rejections per route template and sends the counts in one
// beacon when the page is hidden. No messages or stacks leave the browser (those go to Sentry when configured).
export type ClientErrorReporter = { setRoute: (route: string) => void };

export function startClientErrorReporter(
  initialRoute: string,
  endpoint = "/api/v1/client-errors",
): ClientErrorReporter {
  let route = initialRoute;
  let counts = new Map<string, number>();
  const bump = () => counts.set(route, (counts.get(route) ?? 0) + 1);
  const flush = () => {
    if (counts.size === 0) return;
    const body = JSON.stringify({
      v: 1,
      errors: [...counts].slice(0, 20).map(([r, count]) => ({ route: r, count: Math.min(count, 1_000) })),
    });
    counts = new Map();
    if (!navigator.sendBeacon?.(endpoint, body))
      void fetch(endpoint, { method: "POST", body, keepalive: true, headers: { "content-type": "text/plain" } }).catch(
        () => {},
      );
  };
  addEventListener("error", bump);
  addEventListener("unhandledrejection", bump);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush());
  addEventListener("pagehide", flush);
  return { setRoute: (r) => (route = r) };
}
