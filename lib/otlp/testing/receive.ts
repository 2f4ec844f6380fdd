// The receiver's pure pipeline end to end, as the route will run it, for tests and the bench.
import type { Attributes } from "@opentelemetry/api";
import { statusClassOf } from "@/lib/telemetry/request-aggregator";
import { convertRequestDurations, type ConvertOptions } from "../convert";
import { StreamState } from "../cumulative";
import { decodeMetricsRequest } from "../decode";
import { extractRequestDurations } from "../extract";
import { contentTypeOf, type ExportFormat } from "./sdk-payloads";

/** Stream states kept between calls as the route keeps them in Postgres: JSON text, parsed again on the way in. */
export class JsonStateStore {
  private rows = new Map<string, string>();
  load(keys: Iterable<string>): Map<string, StreamState> {
    const out = new Map<string, StreamState>();
    for (const key of keys) {
      const text = this.rows.get(key);
      if (text !== undefined) out.set(key, StreamState.parse(JSON.parse(text)));
    }
    return out;
  }
  save(states: Map<string, StreamState>): void {
    for (const [key, state] of states) this.rows.set(key, JSON.stringify(state));
  }
  sizes(): number[] {
    return [...this.rows.values()].map((t) => t.length);
  }
}

export async function receive(
  body: Uint8Array,
  format: ExportFormat,
  options: ConvertOptions & { store?: JsonStateStore; gzip?: boolean },
) {
  const { request } = await decodeMetricsRequest(body, {
    contentType: contentTypeOf(format),
    contentEncoding: options.gzip ? "gzip" : null,
  });
  const extraction = extractRequestDurations(request);
  const keys = extraction.points.filter((p) => p.temporality === "cumulative").map((p) => p.streamKey);
  const previous = options.store?.load(keys) ?? new Map();
  const result = convertRequestDurations(extraction.points, previous, options);
  options.store?.save(result.states);
  return { extraction, ...result };
}

/** What a cell must hold, computed from the recorded requests themselves. */
export type Recorded = { seconds: number; attributes: Attributes };
export function exactCells(records: Recorded[], minute: number) {
  const cells = new Map<string, { count: number; sumMs: number; valuesMs: number[] }>();
  for (const { seconds, attributes: a } of records) {
    const status = a["http.response.status_code"] ?? a["http.status_code"];
    const method = String(a["http.request.method"] ?? a["http.method"] ?? "");
    const key = [
      minute,
      (a["http.route"] as string | undefined) || "(unmatched)",
      ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].includes(method) ? method : "OTHER",
      typeof status === "number" ? statusClassOf(status) : 5,
    ].join("|");
    const cell = cells.get(key) ?? { count: 0, sumMs: 0, valuesMs: [] };
    cell.count++;
    cell.sumMs += seconds * 1000;
    cell.valuesMs.push(seconds * 1000);
    cells.set(key, cell);
  }
  return cells;
}
