/**
 * Runs `task` once the page has loaded, painted, and the main thread is idle (at most `timeoutMs` later), so SDKs
 * that are not needed to render never compete with hydration or the largest paint for the CPU.
 */
export function afterInteractive(task: () => void, timeoutMs = 2_000): void {
  if (typeof window === "undefined") return;
  const whenIdle = () => {
    if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(task, { timeout: timeoutMs });
    else setTimeout(task, 1);
  };
  // The timer queued from an animation frame runs after that frame has painted.
  const afterPaint = () => requestAnimationFrame(() => setTimeout(whenIdle, 0));
  if (document.readyState === "complete") afterPaint();
  else window.addEventListener("load", afterPaint, { once: true });
}
