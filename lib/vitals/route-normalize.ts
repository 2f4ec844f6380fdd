// Bounded cardinality: segments that look like ids collapse to [id], so raw paths from other sites cannot
// explode the number of routes. Templates from the App Router collector pass through unchanged.
const ID_SEGMENT = /^(\d+|[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}|[\da-f]{16,}|[\w-]{33,})$/i;
const MAX_SEGMENTS = 12;

export function normalizeRoute(route: string): string {
  const segments = route.split("/").filter(Boolean).slice(0, MAX_SEGMENTS);
  const normalised = segments.map((s) =>
    s.startsWith("[") && s.endsWith("]") ? s : ID_SEGMENT.test(s) ? "[id]" : s.toLowerCase(),
  );
  return `/${normalised.join("/")}`;
}
