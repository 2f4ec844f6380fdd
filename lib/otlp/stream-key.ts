import { createHash } from "node:crypto";
import type { PointAttribute } from "./schema";

/** Resource attributes that tell one process's streams from another's (the rest describe, not identify). */
export const IDENTITY_ATTRIBUTES = ["service.name", "service.instance.id", "host.name"] as const;

export type StreamIdentity = {
  resource: Readonly<Record<(typeof IDENTITY_ATTRIBUTES)[number], string>>;
  scopeName: string;
  metricName: string;
  unit: string;
  kind: "explicit" | "exponential";
  attributes: readonly PointAttribute[];
  startTimeUnixNano: bigint;
};

/**
 * A stream's key: SHA-256 (base64url, 43 chars) over the identifying resource attributes, scope, metric, all point
 * attributes in key order and the start time. The start time makes each process incarnation its own stream, so two
 * processes that share a service name on one host never mix their cumulative counts.
 */
export function streamKeyOf(id: StreamIdentity): string {
  const attributes = [...id.attributes]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((a) => [a.key, a.value.kind, a.value.text]);
  const canonical = JSON.stringify([
    1,
    IDENTITY_ATTRIBUTES.map((k) => id.resource[k]),
    id.scopeName,
    id.metricName,
    id.unit,
    id.kind,
    attributes,
    id.startTimeUnixNano.toString(),
  ]);
  return createHash("sha256").update(canonical).digest("base64url");
}
