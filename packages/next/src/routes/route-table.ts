// Maps a URL path to the App Router template that served it ("/blog/[slug]"), so metric labels stay bounded.
export const UNMATCHED = "(unmatched)";
export const STATIC_ASSETS = "/_next/static";
export const PUBLIC_FILE = "(public)";

type Segment = { kind: "static"; value: string } | { kind: "param" } | { kind: "catchAll"; optional: boolean };
type Compiled = { template: string; segments: Segment[]; rank: number[] };

function parse(template: string): Segment[] {
  return template
    .split("/")
    .filter(Boolean)
    .map((s): Segment => {
      if (s.startsWith("[[...")) return { kind: "catchAll", optional: true };
      if (s.startsWith("[...")) return { kind: "catchAll", optional: false };
      if (s.startsWith("[")) return { kind: "param" };
      return { kind: "static", value: s };
    });
}

// Next's precedence: static segments beat dynamic ones, which beat catch-alls, compared left to right.
const weight = (s: Segment) => (s.kind === "static" ? 0 : s.kind === "param" ? 1 : s.optional ? 3 : 2);

function matches(segments: Segment[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.kind === "catchAll") return s.optional ? parts.length >= i : parts.length > i;
    const part = parts[i];
    if (part === undefined) return false;
    if (s.kind === "static" && s.value !== part) return false;
  }
  return parts.length === segments.length;
}

export class RouteTable {
  private readonly exact = new Map<string, string>();
  private readonly dynamic: Compiled[] = [];

  constructor(templates: Iterable<string>) {
    for (const template of new Set(templates)) {
      const segments = parse(template);
      if (segments.every((s) => s.kind === "static")) this.exact.set(normalize(template), template);
      else this.dynamic.push({ template, segments, rank: segments.map(weight) });
    }
    this.dynamic.sort((a, b) => compareRank(a.rank, b.rank));
  }

  /** The template for a path (without query), or null when no route matches. */
  match(path: string): string | null {
    const exact = this.exact.get(normalize(path));
    if (exact) return exact;
    const parts = path.split("/").filter(Boolean);
    return this.dynamic.find((r) => matches(r.segments, parts))?.template ?? null;
  }
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

const normalize = (path: string) => (path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path) || "/";
