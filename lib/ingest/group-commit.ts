// Group commit: rows submitted while a write is in flight (or within `lingerMs`) share the next write, and each
// submitter is released only when the write holding its rows has committed, with that write's result.
export type GroupCommitOptions = {
  maxRows: number;
  lingerMs: number;
  maxQueuedRows: number;
  /** Writes that may run at once (default 1); a later write may commit before an earlier one. */
  maxInFlight?: number;
  /** True when a failed write was the rows' fault: the batch is then split until only the guilty submissions fail. */
  isolate?: (err: unknown) => boolean;
};

type Submission<T, R> = { rows: T[]; resolve: (result: R) => void; reject: (err: unknown) => void };

export class OverloadedError extends Error {
  constructor() {
    super("ingest queue is full");
    this.name = "OverloadedError";
  }
}

export class GroupCommitter<T, R = void> {
  private pending: Submission<T, R>[] = [];
  private pendingRows = 0;
  private inFlight = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: (rows: T[]) => Promise<R>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Resolves once `rows` are durable; rejects with the write's error, or OverloadedError when the queue is full. */
  submit(rows: T[]): Promise<R> {
    if (this.pendingRows + rows.length > this.options.maxQueuedRows) return Promise.reject(new OverloadedError());
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ rows, resolve, reject });
      this.pendingRows += rows.length;
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.inFlight >= (this.options.maxInFlight ?? 1)) return; // a running write takes the queue when it finishes
    if (this.pendingRows >= this.options.maxRows) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.options.lingerMs);
  }

  private async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight >= (this.options.maxInFlight ?? 1) || this.pending.length === 0) return;
    this.inFlight++;
    // Whole submissions only: one request's rows never straddle two writes.
    let taken = 0;
    let rowCount = 0;
    while (
      taken < this.pending.length &&
      (taken === 0 || rowCount + this.pending[taken]!.rows.length <= this.options.maxRows)
    ) {
      rowCount += this.pending[taken]!.rows.length;
      taken++;
    }
    const batch = this.pending.splice(0, taken);
    this.pendingRows -= rowCount;
    try {
      await this.writeIsolating(batch);
    } finally {
      this.inFlight--;
      if (this.pending.length > 0) void this.flush();
    }
  }

  /** Writes a batch; a write refused for its data is retried in halves, so one bad submission cannot sink the rest. */
  private async writeIsolating(batch: Submission<T, R>[]): Promise<void> {
    try {
      const result = await this.write(batch.flatMap((s) => s.rows));
      for (const s of batch) s.resolve(result);
    } catch (err) {
      if (batch.length === 1 || !this.options.isolate?.(err)) {
        for (const s of batch) s.reject(err);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await this.writeIsolating(batch.slice(0, half));
      await this.writeIsolating(batch.slice(half));
    }
  }
}
