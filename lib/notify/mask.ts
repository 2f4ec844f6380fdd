/**
 * A channel URL as Settings shows it: scheme, host and the first path segment, the rest hidden. Slack webhook URLs
 * (and many generic ones) carry their token in the path or query, so no more is ever rendered.
 */
export function maskUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "…";
  }
  const first = url.pathname.split("/").filter(Boolean)[0];
  const hidden = url.pathname.split("/").filter(Boolean).length > 1 || url.search || url.hash;
  return `${url.protocol}//${url.host}${first ? `/${first}` : ""}${hidden ? "/…" : ""}`;
}

/** Removes a URL, and its path and query on their own, from a message before it is stored or logged. */
export function scrubUrl(text: string, raw: string): string {
  let out = text.split(raw).join("[url]");
  try {
    const url = new URL(raw);
    for (const part of [url.pathname + url.search, url.search.slice(1)])
      if (part.length > 1) out = out.split(part).join("[url]");
  } catch {
    // Not a URL: nothing more to remove.
  }
  return out;
}
