import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// A window stand-in: browser-errors only uses addEventListener/removeEventListener on it.
function fakeWindow() {
  const target = new EventTarget();
  return Object.assign(target, {
    dispatch: (type: string, init: object) => target.dispatchEvent(Object.assign(new Event(type), init)),
  });
}

describe("early browser errors", () => {
  let win: ReturnType<typeof fakeWindow>;
  beforeEach(() => {
    vi.resetModules();
    win = fakeWindow();
    vi.stubGlobal("window", win);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("queues uncaught errors and rejections until the SDK drains them, in order", async () => {
    const { drainEarlyErrors, queueEarlyErrors } = await import("./browser-errors");
    queueEarlyErrors();
    const first = new Error("first");
    win.dispatch("error", { error: first, message: "first" });
    win.dispatch("unhandledrejection", { reason: "second" });
    win.dispatch("error", { error: null, message: "Script error." });
    const sink = vi.fn();
    drainEarlyErrors(sink);
    expect(sink.mock.calls.map((c) => c[0])).toEqual([first, "second", "Script error."]);
  });

  it("stops listening once drained (the SDK's own handlers take over) and sends reported errors straight on", async () => {
    const { drainEarlyErrors, queueEarlyErrors, reportBrowserError } = await import("./browser-errors");
    queueEarlyErrors();
    const sink = vi.fn();
    drainEarlyErrors(sink);
    win.dispatch("error", { error: new Error("after"), message: "after" });
    expect(sink).not.toHaveBeenCalled();
    const rendered = new Error("render");
    reportBrowserError(rendered);
    expect(sink).toHaveBeenCalledWith(rendered);
  });

  it("keeps at most 30 errors while waiting", async () => {
    const { drainEarlyErrors, reportBrowserError } = await import("./browser-errors");
    for (let i = 0; i < 50; i++) reportBrowserError(i);
    const sink = vi.fn();
    drainEarlyErrors(sink);
    expect(sink).toHaveBeenCalledTimes(30);
  });
});
