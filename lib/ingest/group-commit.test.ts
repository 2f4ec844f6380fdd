import { describe, expect, it } from "vitest";
import { GroupCommitter, OverloadedError } from "./group-commit";

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
};

describe("GroupCommitter", () => {
  it("batches submissions that arrive while a write is in flight into one write", async () => {
    const writes: number[][] = [];
    const gates: Array<ReturnType<typeof deferred>> = [];
    const gc = new GroupCommitter<number>(
      async (rows) => {
        writes.push(rows);
        const gate = deferred();
        gates.push(gate);
        await gate.promise;
      },
      { maxRows: 100, lingerMs: 1, maxQueuedRows: 1000 },
    );

    const first = gc.submit([1]);
    await new Promise((r) => setTimeout(r, 5));
    const later = [gc.submit([2, 3]), gc.submit([4]), gc.submit([5, 6])];
    expect(writes).toEqual([[1]]);
    gates[0]!.resolve();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(writes).toEqual([[1], [2, 3, 4, 5, 6]]);
    gates[1]!.resolve();
    await Promise.all(later);
  });

  it("does not release a submitter before its write commits, and fails every submitter of a failed write", async () => {
    const gate = deferred();
    const gc = new GroupCommitter<number>(() => gate.promise, { maxRows: 10, lingerMs: 1, maxQueuedRows: 100 });
    let settled = false;
    const a = gc.submit([1]).finally(() => (settled = true));
    const b = gc.submit([2]);
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    gate.reject(new Error("disk full"));
    await expect(a).rejects.toThrow("disk full");
    await expect(b).rejects.toThrow("disk full");
  });

  it("caps a write at maxRows without splitting a submission", async () => {
    const writes: number[][] = [];
    const gc = new GroupCommitter<number>(async (rows) => void writes.push(rows), {
      maxRows: 4,
      lingerMs: 1,
      maxQueuedRows: 100,
    });
    await Promise.all([gc.submit([1, 2, 3]), gc.submit([4, 5]), gc.submit([6])]);
    expect(writes.flat()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(writes.every((w) => w.length <= 4)).toBe(true);
    expect(writes).toContainEqual([4, 5, 6]);
  });

  it("refuses new rows when the queue is full", async () => {
    const gate = deferred();
    const gc = new GroupCommitter<number>(() => gate.promise, { maxRows: 10, lingerMs: 1, maxQueuedRows: 3 });
    const a = gc.submit([1, 2]);
    await expect(gc.submit([3, 4])).rejects.toBeInstanceOf(OverloadedError);
    gate.resolve();
    await a;
  });
});

describe("GroupCommitter failure isolation", () => {
  const BAD = -1;
  const isDataError = (err: unknown) => err instanceof Error && err.message === "bad row";
  // A write fails as a whole when any row in it is bad, as one INSERT statement does.
  const makeStore = () => {
    const stored: number[] = [];
    const writes: number[][] = [];
    const write = async (rows: number[]) => {
      writes.push(rows);
      if (rows.includes(BAD)) throw new Error("bad row");
      stored.push(...rows);
    };
    return { stored, writes, write };
  };

  it("splits a batch that fails for its data until only the guilty submissions fail", async () => {
    const { stored, write } = makeStore();
    const gc = new GroupCommitter<number>(write, {
      maxRows: 1_000,
      lingerMs: 5,
      maxQueuedRows: 10_000,
      isolate: isDataError,
    });
    const submissions = Array.from({ length: 200 }, (_, i) => (i % 40 === 7 ? [BAD] : [i, i + 1000]));
    const outcomes = await Promise.allSettled(submissions.map((rows) => gc.submit(rows)));
    const rejected = outcomes.flatMap((o, i) => (o.status === "rejected" ? [i] : []));
    expect(rejected).toEqual([7, 47, 87, 127, 167]);
    const expected = submissions.filter((rows) => !rows.includes(BAD)).flat();
    expect(stored.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it("fails every submitter when the error is not the data's fault", async () => {
    const gc = new GroupCommitter<number>(async () => Promise.reject(new Error("connection lost")), {
      maxRows: 100,
      lingerMs: 5,
      maxQueuedRows: 1_000,
      isolate: isDataError,
    });
    const outcomes = await Promise.allSettled([gc.submit([1]), gc.submit([2]), gc.submit([3])]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
  });

  it("without an isolate option a data error still fails the whole batch (the old behaviour)", async () => {
    const { write } = makeStore();
    const gc = new GroupCommitter<number>(write, { maxRows: 100, lingerMs: 5, maxQueuedRows: 1_000 });
    const outcomes = await Promise.allSettled([gc.submit([1]), gc.submit([BAD]), gc.submit([3])]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
  });
});

describe("GroupCommitter with two writes in flight", () => {
  it("starts a second write while the first is running, and releases each submitter with its own write", async () => {
    const writes: number[][] = [];
    const gates: Array<ReturnType<typeof deferred>> = [];
    const gc = new GroupCommitter<number, number>(
      async (rows) => {
        writes.push(rows);
        const gate = deferred();
        gates.push(gate);
        await gate.promise;
        return writes.indexOf(rows);
      },
      { maxRows: 100, lingerMs: 1, maxQueuedRows: 1000, maxInFlight: 2 },
    );
    const first = gc.submit([1]);
    await new Promise((r) => setTimeout(r, 5));
    const second = gc.submit([2, 3]);
    await new Promise((r) => setTimeout(r, 5));
    const third = gc.submit([4]);
    await new Promise((r) => setTimeout(r, 5));
    // Two writes run at once; the third submission waits for one of them to finish.
    expect(writes).toEqual([[1], [2, 3]]);
    gates[1]!.resolve();
    expect(await second).toBe(1);
    await new Promise((r) => setTimeout(r, 5));
    expect(writes).toEqual([[1], [2, 3], [4]]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    expect(await first).toBe(0);
    expect(await third).toBe(2);
  });
});
