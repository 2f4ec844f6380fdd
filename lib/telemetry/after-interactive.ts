/**
 * Runs `task` once the page has loaded and the main thread is idle (at most `timeoutMs` after load), so SDKs that
 * are not needed to render never compete with hydration for the CPU.
 */
export function afterInteractive(task: () => void, timeoutMs = 2_000): void {
  if (typeof window === "undefined") return;
  const whenIdle = () => {
    if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(task, { timeout: timeoutMs });
    else setTimeout(task, 1);
  };
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}
