type SignalListener = (signal: NodeJS.Signals) => void;

/**
 * Runs `flush` (at most `limitMs`) when SIGTERM arrives, before the SIGTERM listeners that were there already —
 * next start's own exits as soon as its server is closed, which would cut the final export short. They run
 * afterwards with the same signal; with none at all, the signal is raised again and ends the process as it would
 * have without us. Listeners added later run at once, as usual. Returns the undo.
 */
export function flushOnSigterm(flush: () => Promise<unknown>, limitMs: number): () => void {
  const earlier = process.listeners("SIGTERM") as SignalListener[];
  for (const listener of earlier) process.off("SIGTERM", listener);
  let fired = false;
  const onSigterm = (signal: NodeJS.Signals) => {
    if (fired) return;
    fired = true;
    void within(flush(), limitMs).then(() => {
      if (earlier.length > 0) {
        for (const listener of earlier) listener.call(process, signal);
      } else if (process.listenerCount("SIGTERM") === 1) {
        process.off("SIGTERM", onSigterm);
        process.kill(process.pid, "SIGTERM");
      }
    });
  };
  process.on("SIGTERM", onSigterm);
  return () => {
    process.off("SIGTERM", onSigterm);
    for (const listener of earlier)
      if (!process.listeners("SIGTERM").includes(listener)) process.on("SIGTERM", listener);
  };
}

function within(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, ms);
    timer.unref();
    const finish = () => {
      clearTimeout(timer);
      done();
    };
    promise.then(finish, finish);
  });
}
