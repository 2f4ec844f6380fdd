// What an admin pastes into an app to send its data to one site of this instance: the browser side (a script tag,
// or @vigil/next's component in an App Router layout) and the server side (registerVigil, or any OTel SDK through
// the standard env). Pure: the page passes this instance's origin and the site's keys, never a whole secret.

export type InstallSnippets = {
  /** Any website: one tag in the page's <head>. */
  scriptTag: string;
  /** A Next.js App Router app: @vigil/next's component in the root layout. */
  nextLayout: string;
  /** A Next.js app's server: @vigil/next/server in instrumentation.ts, with the key from the environment. */
  instrumentation: string;
  /** The environment of either server option; the secret is only named by its hint. */
  serverEnv: string;
};

/** The secret as the snippets show it: never the key itself (kept only as a hash), at most its last four characters. */
export const secretPlaceholder = (hint: string | null) => (hint ? `sk_…${hint}` : "sk_…");

export function installSnippets({
  origin,
  publicKey,
  secretHint,
}: {
  origin: string;
  publicKey: string;
  secretHint: string | null;
}): InstallSnippets {
  const secret = secretPlaceholder(secretHint);
  return {
    scriptTag: `<script defer src="${origin}/v1/vitals.js" data-site="${publicKey}"></script>`,
    nextLayout: `// app/layout.tsx
import { VigilVitals } from "@vigil/next";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <VigilVitals siteKey="${publicKey}" endpoint="${origin}/api/v1/vitals" />
      </body>
    </html>
  );
}`,
    instrumentation: `// instrumentation.ts
import { registerVigil } from "@vigil/next/server";

export function register() {
  registerVigil({ endpoint: "${origin}", secretKey: process.env.VIGIL_SECRET_KEY });
}`,
    serverEnv: `# @vigil/next/server
VIGIL_SECRET_KEY=${secret}

# or any OpenTelemetry SDK (metric http.server.request.duration)
OTEL_EXPORTER_OTLP_METRICS_ENDPOINT=${origin}/v1/metrics
OTEL_EXPORTER_OTLP_METRICS_HEADERS=x-vigil-key=${secret}`,
  };
}
