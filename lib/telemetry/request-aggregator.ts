import { bucketOf, type Histogram } from "@/lib/vitals/histogram";

export type Grain = "minute" | "hour";
const GRAIN_MS: Record<Grain, number> = { minute: 60_000, hour: 3_600_000 };

export type RequestRollupRow = {
  grain: Grain;
  bucketStart: Date;
  route: string;
  method: string;
  statusClass: number;
  count: number;
  durationSumMs: number;
  hist: Histogram;
};

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** Unknown verbs share one label: a client can send any token as a method. */
export const normalizeMethod = (method: string | undefined) => (method && METHODS.has(method) ? method : "OTHER");
export const statusClassOf = (status: number) => Math.min(5, Math.max(1, Math.floor(status / 100)));

type Cell = {
  minute: number;
  route: string;
  method: string;
  statusClass: number;
  count: number;
  sumMs: number;
  hist: Histogram;
};

/**
 * Per-minute request counts and latency histograms, kept in memory between flushes. `drain` hands over both
 * grains (hour rows are the minute cells summed), so one instance's flush never writes the same key twice.
 */
export class RequestAggregator {
  private cells = new Map<string, Cell>();

  constructor(private readonly maxCells = 100_000) {}

  get size(): number {
    return this.cells.size;
  }

  record(route: string, method: string, status: number, durationMs: number, at: number): void {
    const minute = at - (at % GRAIN_MS.minute);
    const statusClass = statusClassOf(status);
    const key = `${minute}|${route}|${method}|${statusClass}`;
    let cell = this.cells.get(key);
    if (!cell) {
      if (this.cells.size >= this.maxCells) return; // the database has been away for a long time: shed, don't grow
      cell = { minute, route, method, statusClass, count: 0, sumMs: 0, hist: {} };
      this.cells.set(key, cell);
    }
    cell.count++;
    cell.sumMs += durationMs;
    const b = bucketOf(durationMs);
    cell.hist[b] = (cell.hist[b] ?? 0) + 1;
  }

  /** Takes everything recorded so far; give it back with `restore` if the write fails. */
  drain(): { cells: Cell[]; rows: RequestRollupRow[] } {
    const cells = [...this.cells.values()];
    this.cells = new Map();
    return { cells, rows: toRows(cells) };
  }

  restore(cells: Cell[]): void {
    for (const c of cells) {
      const key = `${c.minute}|${c.route}|${c.method}|${c.statusClass}`;
      const current = this.cells.get(key);
      if (!current) this.cells.set(key, c);
      else {
        current.count += c.count;
        current.sumMs += c.sumMs;
        for (const b in c.hist) current.hist[b] = (current.hist[b] ?? 0) + c.hist[b]!;
      }
    }
  }
}

function toRows(cells: Cell[]): RequestRollupRow[] {
  const minutes: RequestRollupRow[] = cells.map((c) => ({
    grain: "minute",
    bucketStart: new Date(c.minute),
    route: c.route,
    method: c.method,
    statusClass: c.statusClass,
    count: c.count,
    durationSumMs: c.sumMs,
    hist: c.hist,
  }));
  return [...minutes, ...hourRowsOf(minutes)];
}

/** The hour rows that sum minute rows (one per hour, route, method and status class): both grains from one source. */
export function hourRowsOf(minutes: readonly RequestRollupRow[]): RequestRollupRow[] {
  const hours = new Map<string, RequestRollupRow>();
  for (const m of minutes) {
    const ms = m.bucketStart.getTime();
    const hour = ms - (ms % GRAIN_MS.hour);
    const key = `${hour}|${m.route}|${m.method}|${m.statusClass}`;
    const row = hours.get(key);
    if (!row)
      hours.set(key, {
        grain: "hour",
        bucketStart: new Date(hour),
        route: m.route,
        method: m.method,
        statusClass: m.statusClass,
        count: m.count,
        durationSumMs: m.durationSumMs,
        hist: { ...m.hist },
      });
    else {
      row.count += m.count;
      row.durationSumMs += m.durationSumMs;
      for (const b in m.hist) row.hist[b] = (row.hist[b] ?? 0) + m.hist[b]!;
    }
  }
  return [...hours.values()];
}
