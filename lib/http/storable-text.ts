import { z } from "zod";

// Postgres text refuses NUL (one such value fails the whole statement it is in, and so a whole ingest batch), and
// a lone UTF-16 surrogate is refused by jsonb and silently replaced by U+FFFD in text. Inputs refuse both.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = "must not contain NUL characters or unpaired UTF-16 surrogates";

export const isStorableText = (s: string): boolean => !s.includes("\u0000") && !LONE_SURROGATE.test(s);

/** z.string() that Postgres can store as given; chain .min/.max/.regex as usual. */
export const storableString = () => z.string().refine(isStorableText, UNSTORABLE_MESSAGE);

const MAX_DEPTH = 32;

// The common case (every string storable) walks the value without building paths.
function allStorable(value: unknown, depth: number): boolean {
  if (typeof value === "string") return isStorableText(value);
  if (value === null || typeof value !== "object") return true;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (!allStorable(v, depth + 1)) return false;
    return true;
  }
  for (const key in value)
    if (!isStorableText(key) || !allStorable((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/**
 * The path of the first string in parsed JSON (object keys included) that Postgres cannot store, else null;
 * "(too deep)" past 32 levels. Walks every value once, so its cost follows the (already size-capped) body.
 */
export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  if (path.length === 0 && allStorable(value, 0)) return null;
  if (typeof value === "string") return isStorableText(value) ? null : path.join(".") || "(body)";
  if (value === null || typeof value !== "object") return null;
  if (path.length >= MAX_DEPTH) return "(too deep)";
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    if (!isStorableText(key)) return [...path, "(key)"].join(".");
    const found = findUnstorableText(v, [...path, key]);
    if (found) return found;
  }
  return null;
}
