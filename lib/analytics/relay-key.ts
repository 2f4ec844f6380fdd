// Which PostHog project a relayed request is for. Pure: the relay and its tests share it.

// Every place an SDK puts the project key: the query (`?token=` of /i/v1/metrics), form fields, the body
// (`api_key` of a batch, `token` of /flags, `$token` of legacy /engage) and each event and its properties.
const KEY_FIELDS = ["api_key", "token", "$token"] as const;

type Bag = Record<string, unknown>;
const isBag = (v: unknown): v is Bag => typeof v === "object" && v !== null && !Array.isArray(v);

function eventsOf(payload: unknown): unknown[] {
  if (Array.isArray(payload)) return payload;
  if (!isBag(payload)) return [];
  const nested = [payload.batch, payload.data].flatMap((list) => (Array.isArray(list) ? list : []));
  return [payload, ...nested];
}

/** Every project key the request carries, as found (a non-string key is kept, so that it fails the check). */
export function relayedKeys(query: URLSearchParams, form: URLSearchParams | null, payload: unknown): unknown[] {
  const keys: unknown[] = KEY_FIELDS.flatMap((f) => [...query.getAll(f), ...(form?.getAll(f) ?? [])]);
  const fieldsOf = (bag: unknown) => {
    if (isBag(bag)) for (const f of KEY_FIELDS) if (Object.hasOwn(bag, f)) keys.push(bag[f]);
  };
  for (const event of eventsOf(payload)) {
    fieldsOf(event);
    if (isBag(event)) fieldsOf(event.properties);
  }
  return keys;
}

export type KeyVerdict = "ok" | "missing" | "foreign";

/** "ok" only when at least one key is present and every key found is exactly the configured one. */
export function judgeRelayKeys(keys: readonly unknown[], expected: string): KeyVerdict {
  if (keys.length === 0) return "missing";
  return keys.every((k) => k === expected) ? "ok" : "foreign";
}

/** Asset paths that name a project (`/array/<key>/config.js`) carry their key in the path; others carry none. */
export function pathKey(segments: readonly string[]): string | null {
  return segments[0] === "array" ? (segments[1] ?? "") : null;
}
