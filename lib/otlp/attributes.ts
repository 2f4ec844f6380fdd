import { isStorableText } from "@/lib/http/storable-text";
import { normalizeMethod, statusClassOf } from "@/lib/telemetry/request-aggregator";
import { UNMATCHED } from "@vigil/next/routes";
import { OTLP_LIMITS } from "./limits";
import type { PointAttribute } from "./schema";

/** The first attribute with one of `keys` (stable semconv name first, the pre-1.20 name as fallback). */
function lookup(attributes: readonly PointAttribute[], ...keys: string[]): string | undefined {
  for (const key of keys) {
    const found = attributes.find((a) => a.key === key);
    if (found && found.value.kind !== "empty") return found.value.text;
  }
  return undefined;
}

export type RequestLabels = { route: string; method: string; statusClass: number };

/**
 * The rollup labels of a point, or the reason it cannot be stored. `http.target` is a raw path, never a route.
 * A point without a valid status code (100–599) is a request that got no response: class 5, an error for
 * whoever waited (semconv sets the status "if and only if one was sent").
 */
export function requestLabelsOf(attributes: readonly PointAttribute[]): RequestLabels | { refusal: string } {
  const route = lookup(attributes, "http.route") || UNMATCHED;
  if (route.length > OTLP_LIMITS.routeChars)
    return { refusal: `http.route must be at most ${OTLP_LIMITS.routeChars} characters` };
  if (!isStorableText(route))
    return { refusal: "http.route must not contain NUL characters or unpaired UTF-16 surrogates" };
  const method = normalizeMethod(lookup(attributes, "http.request.method", "http.method"));
  const statusText = lookup(attributes, "http.response.status_code", "http.status_code");
  const status = statusText !== undefined && /^\d{3}$/.test(statusText) ? Number(statusText) : 0;
  return { route, method, statusClass: status >= 100 && status <= 599 ? statusClassOf(status) : 5 };
}
