import { describe, expect, it } from "vitest";
import { GroupCommitter, OverloadedError } from "./group-commit";

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((a, b) => ((resolve = a), (reject = b)));
  return { promise, resolve, reject };
};

describe("GroupCommitter", () => {
  it("batches submissions that arrive while a write is in flight into one write", async () => {
    const writes: number[][] = [];
    const gates: Array<ReturnType<typeof deferred>> = [];
    const gc = new GroupCommitter<number>(async (rows) => {
      writes.push(rows);
      const gate = deferred();
      gates.push(gate);
      await gate.promise;
    }, { maxRows: 100, lingerMs: 1, maxQueuedRows: 1000 });

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
    const gc = new GroupCommitter<number>(async (rows) => void writes.push(rows), { maxRows: 4, lingerMs: 1, maxQueuedRows: 100 });
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
