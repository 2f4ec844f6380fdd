import Link from "next/link";
import type { RequestsSearchParams } from "@/lib/requests/search-params";
import { VIGIL_SITE_SLUG } from "@/lib/sites/vigil-site";

const select =
  "max-w-xs rounded-lg border border-zinc-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950";

/** A plain GET form: filtering works without client JavaScript and the URL stays the state. */
export function RequestFilters({
  params,
  routes,
  methods,
  clearHref,
}: {
  params: RequestsSearchParams;
  routes: string[];
  methods: string[];
  clearHref: string;
}) {
  const routeOptions = [...new Set([...(params.route ? [params.route] : []), ...routes])];
  const methodOptions = [...new Set([...(params.method ? [params.method] : []), ...methods])];
  return (
    <form
      method="get"
      action="/admin/requests"
      className="mb-6 flex flex-wrap items-center gap-2 text-sm"
      aria-label="Request filters"
    >
      {params.site && params.site !== VIGIL_SITE_SLUG ? <input type="hidden" name="site" value={params.site} /> : null}
      {params.window !== "24h" ? <input type="hidden" name="window" value={params.window} /> : null}
      <label htmlFor="route" className="text-muted">
        Route
      </label>
      <select id="route" name="route" defaultValue={params.route ?? ""} className={select}>
        <option value="">all routes</option>
        {routeOptions.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <label htmlFor="method" className="ml-2 text-muted">
        Method
      </label>
      <select id="method" name="method" defaultValue={params.method ?? ""} className={select}>
        <option value="">all</option>
        {methodOptions.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="rounded-lg border border-zinc-300 px-2.5 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Apply
      </button>
      {params.route || params.method ? (
        <Link href={clearHref} className="px-1 text-muted underline-offset-2 hover:underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
