import { CopyButton } from "@/components/ui/copy-button";
import type { InstallSnippets as Snippets } from "@/lib/sites/install-snippets";

function Snippet({ title, what, code, note }: { title: string; what: string; code: string; note?: string }) {
  return (
    <div>
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <h4 className="text-xs font-semibold">{title}</h4>
        <CopyButton text={code} what={what} />
      </div>
      {/* Wrapped, not scrolled: every character stays visible and reachable without a scroll region. */}
      <pre className="whitespace-pre-wrap break-all rounded-lg bg-zinc-100 p-3 font-mono text-xs leading-relaxed text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
        <code>{code}</code>
      </pre>
      {note ? <p className="mt-1 text-xs text-muted">{note}</p> : null}
    </div>
  );
}

/** Copy-paste installs for one site: browser vitals (either way) and server request metrics (either way). */
export function InstallSnippets({ snippets, siteName }: { snippets: Snippets; siteName: string }) {
  return (
    <div className="space-y-4" data-testid="site-snippets">
      <Snippet
        title="Any website: one tag in <head>"
        what={`script tag of ${siteName}`}
        code={snippets.scriptTag}
        note="Sends Core Web Vitals from the site's allowed origins; no cookies, no storage."
      />
      <Snippet
        title="Next.js App Router: @vigil/next in the root layout"
        what={`@vigil/next layout of ${siteName}`}
        code={snippets.nextLayout}
        note="Route templates (/products/[id]) come from the router, soft navigations included."
      />
      <Snippet
        title="Next.js server: instrumentation.ts"
        what={`instrumentation.ts of ${siteName}`}
        code={snippets.instrumentation}
      />
      <Snippet
        title="Server environment"
        what={`server environment of ${siteName}`}
        code={snippets.serverEnv}
        note="Replace the sk_… value with the server key shown when the site was created or its key last rotated. Any OpenTelemetry SDK can send http.server.request.duration with the OTEL_* variables instead."
      />
    </div>
  );
}
