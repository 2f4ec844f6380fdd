export type RouteParams = Record<string, string | string[] | undefined>;

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

const matches = (segment: string | null | undefined, value: string) =>
  !!segment && (segment === value || decode(segment) === value);

/**
 * App Router route template from usePathname() + useParams(): "/blog/hello" + { slug: "hello" } → "/blog/[slug]",
 * catch-alls → "[...name]". Values are matched right to left (params come outer-to-inner and dynamic segments
 * tend to sit at the end), so "/blog/blog" + { slug: "blog" } → "/blog/[slug]". Absent optional catch-alls are invisible.
 */
export function routeTemplate(pathname: string, params?: RouteParams | null): string {
  const segments: (string | null)[] = pathname.split("/");
  for (const [name, value] of Object.entries(params ?? {}).reverse()) {
    const values = typeof value === "string" ? [value] : value;
    if (!values?.length) continue;
    for (let i = segments.length - values.length; i >= 0; i--) {
      // Segments already replaced are null or "[name]", so they cannot match again.
      if (!values.every((v, k) => matches(segments[i + k], v))) continue;
      segments.fill(null, i, i + values.length);
      segments[i] = typeof value === "string" ? `[${name}]` : `[...${name}]`;
      break;
    }
  }
  return segments.filter((s) => s !== null).join("/") || "/";
}
