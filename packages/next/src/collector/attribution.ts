import type { MetricType } from "web-vitals";
import type { BeaconAttribution } from "./types.js";

const MAX_SELECTOR = 100;

const nameOf = (node: Node) =>
  node.nodeType === 1 ? node.nodeName.toLowerCase() : node.nodeName.toUpperCase().replace(/^#/, "");

/** Same selector format as web-vitals' attribution build ("main>img.hero", "#app>button"), at a fraction of its size. */
export function selectorOf(node: Node | null | undefined): string | undefined {
  let sel = "";
  try {
    while (node && node.nodeType !== 9) {
      const el = node as Element;
      const part = el.id ? `#${el.id}` : [nameOf(el), ...Array.from(el.classList ?? []).sort()].join(".");
      if (sel.length + part.length > MAX_SELECTOR - 1) return sel || part;
      sel = sel ? `${part}>${sel}` : part;
      if (el.id) break;
      node = el.parentNode;
    }
  } catch {
    // Exotic nodes (cross-realm, torn-down documents): keep what we have.
  }
  return sel || undefined;
}

/**
 * Derives { target, type } from the entries of the standard build: the attribution build alone is ~5.9 KB
 * gzipped, over the whole 5 KB budget. Elements removed from the DOM before the report yield no target.
 */
export function attributionOf(m: MetricType): BeaconAttribution | undefined {
  if (m.name === "LCP") {
    const e = m.entries[m.entries.length - 1];
    return e && { target: selectorOf(e.element), type: e.url ? "image" : "text" };
  }
  if (m.name === "INP") {
    const e = m.entries.find((x) => x.target) ?? m.entries[0];
    return (
      e && { target: e.targetSelector || selectorOf(e.target), type: e.name.startsWith("key") ? "keyboard" : "pointer" }
    );
  }
  if (m.name === "CLS" && m.entries.length) {
    const shift = m.entries.reduce((a, b) => (a.value > b.value ? a : b));
    const source = shift.sources?.find((s) => s.node?.nodeType === 1) ?? shift.sources?.[0];
    return source && { target: selectorOf(source.node) };
  }
  return undefined;
}
